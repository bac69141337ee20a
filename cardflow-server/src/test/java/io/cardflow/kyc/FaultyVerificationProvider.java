package io.cardflow.kyc;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The built-in provider behind faults, planned per applicant's first name (individuals only): each call takes the next
 * planned fault, then the engine answers. Keeps a record of every call and whether a transaction was open during it.
 */
public class FaultyVerificationProvider implements VerificationProvider {

    public enum Fault {
        /** Waits until the test {@linkplain #release releases} the name. */
        SLOW,
        /** A 5xx before anything was checked. */
        ERROR,
        /** The check was done, but the answer never arrives. */
        TIMEOUT_AFTER_ACTING
    }

    public record Call(String applicationId, boolean inTransaction, Verdict verdict) {
    }

    private final VerificationProvider engine;
    private final Map<String, Deque<Fault>> plans = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Set<String> losingAnswers = ConcurrentHashMap.newKeySet();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    FaultyVerificationProvider(VerificationEngine engine) {
        this.engine = new EngineVerificationProvider(engine);
    }

    public void plan(String firstName, Fault... faults) {
        plans.put(firstName, new ArrayDeque<>(List.of(faults)));
        if (List.of(faults).contains(Fault.SLOW)) {
            gates.put(firstName, new CountDownLatch(1));
        }
    }

    public void loseAnswers(String firstName) {
        losingAnswers.add(firstName);
    }

    public void stopLosingAnswers(String firstName) {
        losingAnswers.remove(firstName);
    }

    public void release(String firstName) {
        gates.get(firstName).countDown();
    }

    public Set<String> waiting() {
        return Set.copyOf(waiting);
    }

    public List<Call> calls(String applicationId) {
        return calls.stream().filter(call -> call.applicationId().equals(applicationId)).toList();
    }

    @Override
    public Verdict verify(String applicationId, IndividualKyc kyc, LocalDate asOf) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        String name = kyc.firstName();
        Deque<Fault> plan = plans.get(name);
        Fault fault = plan == null ? null : plan.pollFirst();
        if (fault == Fault.ERROR) {
            calls.add(new Call(applicationId, inTransaction, null));
            throw new IllegalStateException("Verification provider answered 503");
        }
        if (fault == Fault.SLOW) {
            waiting.add(applicationId);
            try {
                if (!gates.get(name).await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("The test never released a slow verification");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } finally {
                waiting.remove(applicationId);
            }
        }
        Verdict verdict = engine.verify(applicationId, kyc, asOf);
        calls.add(new Call(applicationId, inTransaction, verdict));
        if (fault == Fault.TIMEOUT_AFTER_ACTING || losingAnswers.contains(name)) {
            throw new IllegalStateException("Verification provider timed out (after checking)");
        }
        return verdict;
    }

    @Override
    public Verdict verify(String applicationId, BusinessKyb kyb, LocalDate asOf) {
        return engine.verify(applicationId, kyb, asOf);
    }
}
