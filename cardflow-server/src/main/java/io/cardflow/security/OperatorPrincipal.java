package io.cardflow.security;

/** The back-office operator, identified by the operator key. */
public record OperatorPrincipal() {
}
