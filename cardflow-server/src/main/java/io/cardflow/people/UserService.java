package io.cardflow.people;

import io.cardflow.audit.Actor;
import io.cardflow.audit.AuditAction;
import io.cardflow.audit.AuditLog;
import io.cardflow.common.ApiException;
import io.cardflow.common.ErrorCode;
import io.cardflow.common.Hashing;
import io.cardflow.common.Ids;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.config.CardflowProperties;
import io.cardflow.events.EventLog;
import io.cardflow.events.EventType;
import io.cardflow.merchant.MerchantService;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users: invitations and password resets (one-time links), passwords, log-ins and the lockout. Every change of a
 * merchant user records its event (docs/events.md); every action is in the audit log.
 */
@Service
public class UserService {

    private static final String USER = "user";

    private final UserRepository users;
    private final PasswordTokenRepository tokens;
    private final MerchantService merchants;
    private final PasswordEncoder encoder;
    private final EventLog events;
    private final AuditLog audit;
    private final Clock clock;
    private final CardflowProperties.People settings;
    private final TransactionTemplate transactions;
    private final UserSessions sessions;
    /** Checked against when there is no hash to check (no such user, not activated, locked): every failure costs the same. */
    private final String decoyHash;

    UserService(UserRepository users, PasswordTokenRepository tokens, MerchantService merchants, PasswordEncoder encoder,
                EventLog events, AuditLog audit, Clock clock, CardflowProperties properties,
                TransactionTemplate transactions, UserSessions sessions) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.users = users;
        this.tokens = tokens;
        this.merchants = merchants;
        this.encoder = encoder;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.settings = properties.people();
        this.decoyHash = encoder.encode(Ids.randomToken(24));
    }

    @Transactional
    public Invitation inviteOperator(String email, String name, OperatorRole role, Actor actor, String clientAddress) {
        return invite(UserKind.OPERATOR, null, email, name, role.wire(), actor, clientAddress);
    }

    @Transactional
    public Invitation inviteMerchantUser(String merchantId, String email, String name, MerchantRole role, Actor actor,
                                         String clientAddress) {
        merchants.get(merchantId);
        return invite(UserKind.MERCHANT, merchantId, email, name, role.wire(), actor, clientAddress);
    }

    private Invitation invite(UserKind kind, String merchantId, String email, String name, String role, Actor actor,
                              String clientAddress) {
        String normalized = normalize(email);
        if (users.emailTaken(normalized)) {
            throw new ApiException(ErrorCode.USER_EMAIL_TAKEN, "A user with the e-mail '" + normalized + "' exists already");
        }
        Instant now = clock.instant();
        User user = new User(Ids.newId("usr"), kind, merchantId, normalized, name.strip(), role, UserStatus.INVITED, null, now, now);
        users.insert(user);
        if (merchantId != null) {
            events.recordCreated(List.of(new EventLog.Change(merchantId, EventType.MERCHANT_USER_INVITED, user.id(), user)));
        }
        audit.record(actor, AuditAction.USER_INVITED, USER, user.id(), clientAddress, Map.of("email", normalized, "role", role));
        return issueToken(user, TokenPurpose.INVITATION, now);
    }

    /**
     * A new one-time link for the user to set a password; earlier links stop working. An invited user gets a fresh
     * invitation; for the others it is a reset: their sessions end (whoever holds one must log in again), and their
     * current password keeps working until they set the new one.
     */
    @Transactional
    public Invitation requestPasswordReset(String userId, Actor actor, String clientAddress) {
        User user = users.lock(userId).orElseThrow(() -> ApiException.notFound("user", userId)).user();
        Instant now = clock.instant();
        TokenPurpose purpose = user.status() == UserStatus.INVITED ? TokenPurpose.INVITATION : TokenPurpose.RESET;
        if (user.merchantId() != null && purpose == TokenPurpose.RESET) {
            events.record(user.merchantId(), EventType.MERCHANT_USER_PASSWORD_RESET_REQUESTED, user.id(), user);
        }
        audit.record(actor, AuditAction.PASSWORD_RESET_REQUESTED, USER, user.id(), clientAddress,
                Map.of("purpose", purpose.wire(), "sessionsEnded", sessions.endAll(user.id())));
        return issueToken(user, purpose, now);
    }

    private Invitation issueToken(User user, TokenPurpose purpose, Instant now) {
        String token = Ids.randomToken(43);
        Instant expiresAt = now.plus(settings.invitationValidity());
        tokens.replace(user.id(), hash(token), purpose, expiresAt, now);
        return new Invitation(user, token, expiresAt);
    }

    public User get(String userId) {
        return users.find(userId).orElseThrow(() -> ApiException.notFound("user", userId));
    }

    public Page<User> listOperators(PageRequest page) {
        return list(null, page);
    }

    public Page<User> listMerchantUsers(String merchantId, PageRequest page) {
        merchants.get(merchantId);
        return list(merchantId, page);
    }

    private Page<User> list(String merchantId, PageRequest page) {
        Long before = page.startingAfter() == null ? null : users.seqOf(page.startingAfter())
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such user"));
        return Page.fromOverfetched(users.list(merchantId, before, page.limit() + 1), page.limit());
    }

    /** When each of these users last logged in (kept since V18); absent for those who have not. */
    public Map<String, Instant> lastLogIns(List<User> of) {
        return users.lastLogins(of.stream().map(User::id).toList());
    }

    /** The user a one-time link is for, while it works: what the set-password page shows. */
    public Optional<User> linkHolder(String token) {
        return usableToken(token).flatMap(found -> users.find(found.userId()));
    }

    /**
     * Sets the password of the link's user and uses the link up. An invited user becomes active; a locked one is
     * unlocked (they proved they hold the link an operator sent them). Sessions still open with the old password end.
     */
    @Transactional
    public User setPassword(String token, String password, String clientAddress) {
        PasswordTokenRepository.Token found = usableToken(token)
                .orElseThrow(() -> ApiException.invalid("token", "this link has expired or was used already; ask for a new one"));
        UserRepository.Credentials credentials = users.lock(found.userId()).orElseThrow();
        User user = credentials.user();
        PasswordRules.check(password, user.email());
        if (!tokens.consume(hash(token))) {
            throw ApiException.invalid("token", "this link has expired or was used already; ask for a new one");
        }
        Instant now = clock.instant();
        users.setPassword(user.id(), encoder.encode(password), now);
        if (user.status() == UserStatus.ACTIVE) {
            recordMerchantEvent(user, EventType.MERCHANT_USER_PASSWORD_CHANGED);
        } else {
            transition(user, UserStatus.ACTIVE, null, now);
        }
        audit.record(actorOf(user), AuditAction.PASSWORD_SET, USER, user.id(), clientAddress,
                Map.of("purpose", found.purpose().wire(), "sessionsEnded", sessions.endAll(user.id())));
        return get(user.id());
    }

    /**
     * Checks a log-in. Every refusal looks the same from outside (no such user, not yet activated, locked, wrong password)
     * and costs one password check, so that neither the answer nor its time tells whether an e-mail has an account.
     * The failure count and the lock are in the database: the lockout holds whichever node a request reaches.
     */
    public Optional<User> logIn(String email, String password, String clientAddress) {
        String normalized = normalize(email);
        Optional<UserRepository.Credentials> found = users.findByEmail(normalized);
        if (found.isEmpty()) {
            encoder.matches(password, decoyHash);
            audit.record(Actor.unknown(email), AuditAction.LOGIN_FAILED, null, null, clientAddress, Map.of("reason", "unknown_email"));
            return Optional.empty();
        }
        User user = found.get().user();
        if (user.status() == UserStatus.LOCKED && !inTransaction(() -> unlockIfLockEnded(user, clientAddress))) {
            encoder.matches(password, decoyHash);
            audit.record(actorOf(user), AuditAction.LOGIN_FAILED, USER, user.id(), clientAddress, Map.of("reason", "locked"));
            return Optional.empty();
        }
        if (user.status() == UserStatus.INVITED) {
            encoder.matches(password, decoyHash);
            audit.record(actorOf(user), AuditAction.LOGIN_FAILED, USER, user.id(), clientAddress, Map.of("reason", "not_activated"));
            return Optional.empty();
        }
        if (!encoder.matches(password, found.get().passwordHash())) {
            inTransaction(() -> countFailure(user.id(), clientAddress));
            return Optional.empty();
        }
        return Optional.of(inTransaction(() -> loggedIn(user.id(), clientAddress)));
    }

    private User loggedIn(String userId, String clientAddress) {
        UserRepository.Credentials credentials = users.lock(userId).orElseThrow();
        if (credentials.failedLogins() > 0) {
            users.setFailedLogins(userId, 0);
        }
        users.setLastLogin(userId, clock.instant());
        audit.record(actorOf(credentials.user()), AuditAction.LOGIN_SUCCEEDED, USER, userId, clientAddress, Map.of());
        return credentials.user();
    }

    public void loggedOut(String userId, String clientAddress) {
        users.find(userId).ifPresent(user -> audit.record(actorOf(user), AuditAction.LOGOUT, USER, userId, clientAddress, Map.of()));
    }

    /** One more failed log-in; the one that reaches the threshold locks the account, counted under the row's lock. */
    private boolean countFailure(String userId, String clientAddress) {
        UserRepository.Credentials credentials = users.lock(userId).orElseThrow();
        User user = credentials.user();
        audit.record(actorOf(user), AuditAction.LOGIN_FAILED, USER, userId, clientAddress, Map.of("reason", "bad_credentials"));
        if (user.status() != UserStatus.ACTIVE) {
            return false;
        }
        int failures = credentials.failedLogins() + 1;
        if (failures < settings.lockoutThreshold()) {
            users.setFailedLogins(userId, failures);
            return false;
        }
        Instant now = clock.instant();
        Instant until = now.plus(settings.lockoutDuration());
        transition(user, UserStatus.LOCKED, until, now);
        audit.record(actorOf(user), AuditAction.ACCOUNT_LOCKED, USER, userId, clientAddress,
                Map.of("failedLogins", failures, "lockedUntil", until.toString()));
        return true;
    }

    /** A lock that has ended is lifted by the next log-in attempt, which then counts like any other. */
    private boolean unlockIfLockEnded(User user, String clientAddress) {
        Instant now = clock.instant();
        if (user.lockedUntil().isAfter(now)) {
            return false;
        }
        User current = users.lock(user.id()).orElseThrow().user();
        if (current.status() == UserStatus.LOCKED) {
            transition(current, UserStatus.ACTIVE, null, now);
            audit.record(actorOf(current), AuditAction.ACCOUNT_UNLOCKED, USER, user.id(), clientAddress, Map.of("reason", "lock_ended"));
        }
        return true;
    }

    /** Log-in's steps each run in a transaction of their own: the password check between them holds no lock. */
    private <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    private void transition(User user, UserStatus to, Instant lockedUntil, Instant now) {
        if (!user.status().canBecome(to) || !users.transition(user.id(), user.status(), to, lockedUntil, now)) {
            throw new IllegalStateException("user " + user.id() + " cannot go from " + user.status() + " to " + to);
        }
        if (user.merchantId() != null) {
            events.record(user.merchantId(), to.merchantEventFrom(user.status()), user.id(), get(user.id()));
        }
    }

    private void recordMerchantEvent(User user, EventType type) {
        if (user.merchantId() != null) {
            events.record(user.merchantId(), type, user.id(), get(user.id()));
        }
    }

    private Optional<PasswordTokenRepository.Token> usableToken(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return tokens.find(hash(token)).filter(found -> found.expiresAt().isAfter(clock.instant()));
    }

    private static Actor actorOf(User user) {
        return new Actor(user.id(), user.email(), user.role());
    }

    private static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    private static String hash(String token) {
        return Hashing.sha256Hex(token.getBytes(StandardCharsets.UTF_8));
    }
}
