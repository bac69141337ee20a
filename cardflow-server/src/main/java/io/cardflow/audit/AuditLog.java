package io.cardflow.audit;

import io.cardflow.common.ApiException;
import io.cardflow.common.Ids;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: what people (and the operator key) did. An entry recorded inside a transaction commits with the
 * change it describes; one recorded outside (a failed log-in) commits alone. Entries are only ever appended.
 */
@Service
public class AuditLog {

    private static final int EXPORT_BATCH = 500;

    private final AuditRepository entries;
    private final JsonMapper json;
    private final Clock clock;

    AuditLog(AuditRepository entries, JsonMapper json, Clock clock) {
        this.entries = entries;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public void record(Actor actor, AuditAction action, String objectType, String objectId, String clientAddress,
                       Map<String, ?> details) {
        AuditEntry entry = new AuditEntry(Ids.newId("aud"), clock.instant(), actor.id(), actor.name(), actor.role(), action,
                objectType, objectId, clientAddress, null);
        entries.insert(entry, json.writeValueAsString(details));
    }

    /** Newest first: who looks at an audit log looks for what just happened. */
    public Page<AuditEntry> list(AuditQuery query, PageRequest page) {
        Long before = page.startingAfter() == null ? null : entries.seqOf(page.startingAfter())
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such audit log entry"));
        return Page.fromOverfetched(entries.list(query, before, page.limit() + 1), page.limit())
                .map(this::withDetails);
    }

    /**
     * Every entry the query selects as CSV ({@link AuditCsv}), newest first, read a batch at a time (an export is not
     * held in memory whole): the API's export and the back office's.
     */
    public void writeCsv(AuditQuery query, Writer out) throws IOException {
        out.write(AuditCsv.HEADER);
        Long before = null;
        List<AuditRepository.StoredEntry> batch;
        do {
            batch = entries.list(query, before, EXPORT_BATCH);
            for (AuditRepository.StoredEntry stored : batch) {
                out.write(AuditCsv.row(withDetails(stored)));
            }
            before = batch.isEmpty() ? null : entries.seqOf(batch.getLast().entry().id()).orElseThrow();
        } while (batch.size() == EXPORT_BATCH);
        out.flush();
    }

    private AuditEntry withDetails(AuditRepository.StoredEntry stored) {
        AuditEntry entry = stored.entry();
        return new AuditEntry(entry.id(), entry.occurredAt(), entry.actorId(), entry.actorName(), entry.actorRole(),
                entry.action(), entry.objectType(), entry.objectId(), entry.clientAddress(), json.readTree(stored.details()));
    }
}
