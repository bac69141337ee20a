package io.cardflow.portal;

import io.cardflow.audit.AuditAction;
import io.cardflow.audit.AuditEntry;
import io.cardflow.audit.AuditLog;
import io.cardflow.audit.AuditQuery;
import io.cardflow.common.ApiException;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The audit log, filtered and a page at a time, and its CSV export: every operator user may read it. */
@Hidden
@Controller
class BackOfficeAuditController {

    private final AuditLog audit;

    BackOfficeAuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String list(@AuthenticationPrincipal PortalUser user, @RequestParam(required = false) String actor,
                @RequestParam(required = false) String action, @RequestParam(required = false) String from,
                @RequestParam(required = false) String to, @RequestParam(required = false) String after, Model model) {
        Map<String, String> filters = filters(actor, action, from, to);
        model.addAttribute("user", user);
        model.addAttribute("filters", filters);
        model.addAttribute("actions", Arrays.stream(AuditAction.values()).map(AuditAction::wire).toList());
        model.addAttribute("csv", link("/admin/audit.csv", filters, null));
        try {
            Page<AuditEntry> page = audit.list(query(filters), PageRequest.of(null, after));
            model.addAttribute("entries", page.data());
            model.addAttribute("next", page.hasMore() ? link("/admin/audit", filters, page.data().getLast().id()) : null);
        } catch (ApiException e) {
            model.addAttribute("entries", List.of());
            model.addAttribute("problem", e.getMessage());
        }
        return "admin/audit";
    }

    @GetMapping("/admin/audit.csv")
    void export(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                HttpServletResponse response) throws IOException {
        AuditQuery query = query(filters(actor, action, from, to));
        response.setContentType("text/csv; charset=utf-8; header=present");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"audit-log.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        audit.writeCsv(query, response.getWriter());
    }

    /** The filled-in filters only: an empty form field filters nothing. */
    private static Map<String, String> filters(String actor, String action, String from, String to) {
        Map<String, String> filters = new LinkedHashMap<>();
        putIfFilled(filters, "actor", actor);
        putIfFilled(filters, "action", action);
        putIfFilled(filters, "from", from);
        putIfFilled(filters, "to", to);
        return filters;
    }

    private static void putIfFilled(Map<String, String> filters, String name, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(name, value.strip());
        }
    }

    private static AuditQuery query(Map<String, String> filters) {
        return AuditQuery.of(filters.get("actor"), filters.get("action"), filters.get("from"), filters.get("to"));
    }

    private static String link(String path, Map<String, String> filters, String after) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        filters.forEach(uri::queryParam);
        if (after != null) {
            uri.queryParam("after", after);
        }
        return uri.encode().build().toUriString();
    }
}
