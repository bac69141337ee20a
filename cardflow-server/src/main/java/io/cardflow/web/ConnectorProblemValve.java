package io.cardflow.web;

import io.cardflow.common.ErrorCode;
import io.cardflow.common.Ids;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests Tomcat refuses before they reach the application (an encoded NUL or slash in the path, a malformed
 * request line) are answered with a problem body instead of Tomcat's HTML error page. Runs first in the engine's
 * pipeline, where such requests arrive already in error; every other request passes through untouched.
 */
public class ConnectorProblemValve extends ValveBase {

    private final JsonMapper jsonMapper;

    public ConnectorProblemValve(JsonMapper jsonMapper) {
        super(true);
        this.jsonMapper = jsonMapper;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        if (!response.isErrorReportRequired()) {
            getNext().invoke(request, response);
            return;
        }
        ErrorCode code = switch (response.getStatus()) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            // Tomcat answers an HTTP version it does not speak (HTTP/9.9) with 505: the request is at fault, not us.
            case 505 -> ErrorCode.MALFORMED_REQUEST;
            default -> response.getStatus() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
        if (response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        // sendError() suspended the response; as Tomcat's own ErrorReportValve does, resume it to write the report.
        response.setSuspended(false);
        String requestId = Ids.newId("req");
        Problem problem = Problem.of(code, "The request could not be read as HTTP with a valid URL", null, List.of(), requestId);
        response.setStatus(ErrorStatus.of(code).value());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.setHeader(RequestIds.HEADER, requestId);
        PrintWriter writer = response.getReporter();
        if (writer != null) {
            writer.write(jsonMapper.writeValueAsString(problem));
            response.finishResponse();
        }
    }
}
