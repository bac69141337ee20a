package io.cardflow.card;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The built-in sandbox behind faults a real processor shows, planned per name on card (so that tests on one server keep
 * apart): each call takes the next planned fault, then the sandbox answers normally. It keeps the processor's own
 * record of every call and of every card it issued, and whether a database transaction was open during the call.
 */
public class FaultyCardProcessor implements CardProcessor {

    public enum Fault {
        /** Waits until the test {@linkplain #release releases} the name, then acts. */
        SLOW,
        /** Gives up before the processor acted: nothing issued, the caller sees a timeout. */
        TIMEOUT_BEFORE_ACTING,
        /** The processor acted (the card is issued on its side), but the answer never arrives. */
        TIMEOUT_AFTER_ACTING,
        /** A 5xx: nothing issued. */
        ERROR
    }

    /** One call as the processor saw it. */
    public record Call(String cardId, String idempotencyKey, boolean inTransaction, String issuedPan) {
    }

    private final SandboxCardProcessor sandbox;
    private final Map<String, Deque<Fault>> plans = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> gates = new ConcurrentHashMap<>();
    private final Set<String> losingAnswers = ConcurrentHashMap.newKeySet();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final Map<String, String> numbersToRepeat = new ConcurrentHashMap<>();

    FaultyCardProcessor(SandboxCardProcessor sandbox) {
        this.sandbox = sandbox;
    }

    /** These faults, in order, for the next calls about cards with this name. */
    public void plan(String nameOnCard, Fault... faults) {
        plans.put(key(nameOnCard), new ArrayDeque<>(List.of(faults)));
        if (List.of(faults).contains(Fault.SLOW)) {
            gates.put(key(nameOnCard), new CountDownLatch(1));
        }
    }

    /** Every call about cards with this name acts and then loses its answer, until {@link #stopLosingAnswers}. */
    public void loseAnswers(String nameOnCard) {
        losingAnswers.add(key(nameOnCard));
    }

    public void stopLosingAnswers(String nameOnCard) {
        losingAnswers.remove(key(nameOnCard));
    }

    /** The next call about a card with this name answers this number (some other card's), as a faulty processor might. */
    public void answerNumberOnce(String nameOnCard, String pan) {
        numbersToRepeat.put(key(nameOnCard), pan);
    }

    public void release(String nameOnCard) {
        gates.get(key(nameOnCard)).countDown();
    }

    /** The cards whose slow call is waiting for its release right now. */
    public Set<String> waiting() {
        return Set.copyOf(waiting);
    }

    public List<Call> calls(String cardId) {
        return calls.stream().filter(call -> call.cardId().equals(cardId)).toList();
    }

    /** The distinct card numbers the processor issued for this card, over all its calls. */
    public Set<String> issuedPans(String cardId) {
        return calls(cardId).stream().map(Call::issuedPan).filter(pan -> pan != null).collect(Collectors.toSet());
    }

    @Override
    public IssuanceResult issue(IssuanceRequest request) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        String name = key(request.nameOnCard());
        Deque<Fault> plan = plans.get(name);
        Fault fault = plan == null ? null : plan.pollFirst();
        if (fault == Fault.TIMEOUT_BEFORE_ACTING || fault == Fault.ERROR) {
            calls.add(new Call(request.cardId(), request.idempotencyKey(), inTransaction, null));
            throw new IllegalStateException(fault == Fault.ERROR ? "Processor answered 503" : "Processor timed out (before acting)");
        }
        if (fault == Fault.SLOW) {
            waiting.add(request.cardId());
            try {
                await(gates.get(name));
            } finally {
                waiting.remove(request.cardId());
            }
        }
        IssuanceResult result = sandbox.issue(request);
        String repeated = numbersToRepeat.remove(name);
        if (repeated != null && result instanceof IssuanceResult.Issued issued) {
            result = new IssuanceResult.Issued(new CardSecrets(repeated, issued.secrets().cvv(), issued.secrets().expiry()));
        }
        String pan = result instanceof IssuanceResult.Issued issued ? issued.secrets().pan() : null;
        calls.add(new Call(request.cardId(), request.idempotencyKey(), inTransaction, pan));
        if (fault == Fault.TIMEOUT_AFTER_ACTING || losingAnswers.contains(name)) {
            throw new IllegalStateException("Processor timed out (after acting: the card exists on its side)");
        }
        return result;
    }

    private static void await(CountDownLatch gate) {
        try {
            if (!gate.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("The test never released a slow processor call");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String key(String nameOnCard) {
        return nameOnCard.toUpperCase(Locale.ROOT);
    }
}
