package io.cardflow.portal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the merchant portal's controllers, whose failures {@link PortalProblems} shows as pages. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface PortalPage {
}
