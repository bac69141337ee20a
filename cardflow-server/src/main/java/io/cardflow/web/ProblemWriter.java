package io.cardflow.web;

import io.cardflow.common.ErrorCode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes a problem straight to the servlet response, for the errors found in filters before Spring MVC runs. */
@Component
public class ProblemWriter {

    private final JsonMapper jsonMapper;

    public ProblemWriter(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, ErrorCode code, String detail)
            throws IOException {
        Problem problem = Problem.of(code, detail, request.getRequestURI(), List.of());
        response.resetBuffer();
        response.setStatus(ErrorStatus.of(code).value());
        if (code == ErrorCode.TEMPORARILY_UNAVAILABLE) {
            response.setHeader(HttpHeaders.RETRY_AFTER, ErrorStatus.RETRY_AFTER_SECONDS);
        }
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(jsonMapper.writeValueAsBytes(problem));
    }
}
