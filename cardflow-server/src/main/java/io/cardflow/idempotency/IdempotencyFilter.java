package io.cardflow.idempotency;

import io.cardflow.common.ApiException;
import io.cardflow.common.DatabaseBusy;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.Hashing;
import io.cardflow.security.MerchantPrincipal;
import io.cardflow.web.CachedBodyFilter;
import io.cardflow.web.ProblemHandler;
import io.cardflow.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.RequestPath;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on any POST: the same key with the same request replays the first answer without doing the
 * work again; with another request it is a 422; while the first is still running it is a 409.
 *
 * <p>The work runs in one transaction with the recording of its answer, and the answer reaches the client only after
 * that commit: a crash either leaves both or neither, so a retried request is never done twice. The transaction is
 * the request's own, opened here, unless the handler is marked {@link RecordsIdempotentAnswer}: then the work's own
 * transaction records the answer through the request's {@link IdempotencyClaim}.
 */
@Component
@Order(0)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Pattern VALID_KEY = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private final IdempotencyStore store;
    private final TransactionTemplate transaction;
    private final ProblemWriter problems;
    private final HandlerMapping handlers;

    /** The handler mapping is lazy: filters are built before Spring MVC is. */
    IdempotencyFilter(IdempotencyStore store, TransactionTemplate transaction, ProblemWriter problems,
                      @Lazy @Qualifier("requestMappingHandlerMapping") HandlerMapping handlers) {
        this.store = store;
        this.transaction = transaction;
        this.problems = problems;
        this.handlers = handlers;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/") || scope() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!VALID_KEY.matcher(key).matches()) {
            problems.write(request, response, ErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key must be 1 to 255 printable ASCII characters without spaces");
            return;
        }
        String scope = scope();
        String requestHash = requestHash(request);
        IdempotencyStore.Claim claim;
        try {
            claim = store.claim(scope, key, requestHash);
        } catch (ApiException cannotClaimNow) {
            problems.write(request, response, cannotClaimNow.code(), cannotClaimNow.getMessage());
            return;
        } catch (RuntimeException e) {
            if (!DatabaseBusy.causedBy(e)) {
                throw e;
            }
            log.warn("Database busy claiming an Idempotency-Key, answered 503: {}", ProblemHandler.rootMessage(e));
            problems.write(request, response, ErrorCode.TEMPORARILY_UNAVAILABLE, ProblemHandler.DATABASE_BUSY);
            return;
        }
        switch (claim) {
            case IdempotencyStore.Claim.Replay replay -> replay(response, replay);
            case IdempotencyStore.Claim.DifferentRequest ignored -> problems.write(request, response,
                    ErrorCode.IDEMPOTENCY_KEY_REUSED, "This Idempotency-Key was used with a different request");
            case IdempotencyStore.Claim.InFlight ignored -> problems.write(request, response,
                    ErrorCode.IDEMPOTENCY_KEY_IN_USE, "A request with this Idempotency-Key is still in progress; retry later");
            case IdempotencyStore.Claim.Claimed claimed -> {
                IdempotencyClaim owned = new IdempotencyClaim(store, scope, key, claimed.token());
                try {
                    perform(request, response, chain, owned);
                } finally {
                    owned.ended();
                }
            }
        }
    }

    private void perform(HttpServletRequest request, HttpServletResponse response, FilterChain chain, IdempotencyClaim claim)
            throws IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            if (recordsOwnAnswer(request)) {
                request.setAttribute(IdempotencyClaim.ATTRIBUTE, claim);
                run(chain, request, captured);
            } else {
                transaction.executeWithoutResult(tx -> {
                    run(chain, request, captured);
                    if (captured.getStatus() < 400) {
                        claim.recordWithWork(captured.getStatus(), captured.getContentType(), body(captured));
                    } else {
                        tx.setRollbackOnly();
                    }
                });
            }
        } catch (ApiException takenOver) {
            // A retry took the key over while this ran (this instance was seen dead): nothing of this request was kept,
            // and the key is no longer ours to release.
            answer(request, captured, takenOver.code(), takenOver.getMessage());
            return;
        } catch (RuntimeException e) {
            releaseAfterFailure(claim);
            if (DatabaseBusy.causedBy(e)) {
                log.warn("Database busy serving a request with an Idempotency-Key, answered 503: {}", ProblemHandler.rootMessage(e));
                answer(request, captured, ErrorCode.TEMPORARILY_UNAVAILABLE, ProblemHandler.DATABASE_BUSY);
            } else {
                log.error("Request with Idempotency-Key failed; the key is released for a retry", e);
                answer(request, captured, ErrorCode.INTERNAL_ERROR,
                        "Something went wrong on our side; nothing was done, retry with the same Idempotency-Key");
            }
            return;
        }
        int status = captured.getStatus();
        if (status >= 500) {
            releaseAfterFailure(claim);
        } else if (status >= 400) {
            claim.recordAlone(status, captured.getContentType(), body(captured));
        }
        captured.copyBodyToResponse();
    }

    private void answer(HttpServletRequest request, ContentCachingResponseWrapper captured, ErrorCode code, String detail)
            throws IOException {
        captured.resetBuffer();
        problems.write(request, captured, code, detail);
        captured.copyBodyToResponse();
    }

    /** Nothing was done; should even the release fail, the key is taken over by the first retry after this request ends. */
    private static void releaseAfterFailure(IdempotencyClaim claim) {
        try {
            claim.release();
        } catch (RuntimeException e) {
            log.warn("Could not release an Idempotency-Key after a failure; a retry takes it over: {}", ProblemHandler.rootMessage(e));
        }
    }

    private boolean recordsOwnAnswer(HttpServletRequest request) {
        RequestPath previous = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request) : null;
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain handler = handlers.getHandler(request);
            return handler != null && handler.getHandler() instanceof HandlerMethod method
                    && method.hasMethodAnnotation(RecordsIdempotentAnswer.class);
        } catch (Exception e) {
            return false; // no handler for it: the request fails in the dispatcher, under the usual transaction
        } finally {
            ServletRequestPathUtils.setParsedRequestPath(previous, request);
        }
    }

    private static void run(FilterChain chain, HttpServletRequest request, ContentCachingResponseWrapper response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void replay(HttpServletResponse response, IdempotencyStore.Claim.Replay replay) throws IOException {
        response.setStatus(replay.status());
        response.setHeader(REPLAYED_HEADER, "true");
        if (replay.contentType() != null) {
            response.setContentType(replay.contentType());
        }
        if (replay.body() != null) {
            response.getOutputStream().write(replay.body().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String body(ContentCachingResponseWrapper response) {
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private static String requestHash(HttpServletRequest request) throws IOException {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        canonical.write((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
        CachedBodyFilter.CachedBodyRequest cached = WebUtils.getNativeRequest(request, CachedBodyFilter.CachedBodyRequest.class);
        canonical.write(cached != null ? cached.body() : request.getInputStream().readAllBytes());
        return Hashing.sha256Hex(canonical.toByteArray());
    }

    private static String scope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return null;
        }
        if (authentication.getPrincipal() instanceof MerchantPrincipal merchant) {
            return merchant.merchantId();
        }
        return authentication.getAuthorities().stream().anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority())) ? "operator" : null;
    }
}
