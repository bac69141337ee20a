package io.cardflow.portal;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A refused back-office action gets the same page as any refused request; ahead of the API's problem handler. */
@ControllerAdvice(basePackageClasses = BackOfficeForbiddenHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BackOfficeForbiddenHandler {

    @ExceptionHandler(BackOfficeAction.Forbidden.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String forbidden() {
        return "denied";
    }
}
