package io.cardflow.common;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/** A JSON value we refuse on sight; Jackson adds the field path as it unwinds, so the 422 can name the field. */
public class RejectedValueException extends MismatchedInputException {

    RejectedValueException(JsonParser parser, String message) {
        super(parser, message);
    }
}
