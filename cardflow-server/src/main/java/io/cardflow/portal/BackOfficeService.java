package io.cardflow.portal;

import io.cardflow.audit.Actor;
import io.cardflow.audit.AuditAction;
import io.cardflow.audit.AuditLog;
import io.cardflow.common.Money;
import io.cardflow.jobs.FailingJob;
import io.cardflow.jobs.ParkedJobs;
import io.cardflow.kyc.Application;
import io.cardflow.kyc.ApplicationService;
import io.cardflow.kyc.ApplicationState;
import io.cardflow.merchant.ApiKey;
import io.cardflow.merchant.ApiKeyService;
import io.cardflow.merchant.Deposit;
import io.cardflow.merchant.IssuedApiKey;
import io.cardflow.merchant.Merchant;
import io.cardflow.merchant.MerchantService;
import io.cardflow.people.Invitation;
import io.cardflow.people.MerchantRole;
import io.cardflow.people.OperatorRole;
import io.cardflow.people.UserService;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The back office's changes, each in one transaction with its audit log entry: both commit, or neither. */
@Service
class BackOfficeService {

    private final ApplicationService applications;
    private final MerchantService merchants;
    private final ParkedJobs parkedJobs;
    private final ApiKeyService apiKeys;
    private final UserService users;
    private final AuditLog audit;

    BackOfficeService(ApplicationService applications, MerchantService merchants, ParkedJobs parkedJobs, ApiKeyService apiKeys,
                      UserService users, AuditLog audit) {
        this.apiKeys = apiKeys;
        this.users = users;
        this.parkedJobs = parkedJobs;
        this.applications = applications;
        this.merchants = merchants;
        this.audit = audit;
    }

    @Transactional
    Application decide(PortalUser user, String applicationId, ApplicationState decision, String note, String clientAddress) {
        Application decided = applications.review(applicationId, decision, note, user.userId());
        Map<String, Object> details = new HashMap<>();
        details.put("merchantId", decided.merchantId());
        if (note != null) {
            details.put("note", note);
        }
        audit.record(actorOf(user), decision == ApplicationState.APPROVED ? AuditAction.APPLICATION_APPROVED
                : AuditAction.APPLICATION_REJECTED, "application", applicationId, clientAddress, details);
        return decided;
    }

    @Transactional
    Merchant createMerchant(PortalUser user, String name, String clientAddress) {
        Merchant merchant = merchants.create(name);
        audit.record(actorOf(user), AuditAction.MERCHANT_CREATED, "merchant", merchant.id(), clientAddress, Map.of("name", name));
        return merchant;
    }

    @Transactional
    Deposit deposit(PortalUser user, String merchantId, Money amount, String clientAddress) {
        Deposit deposit = merchants.deposit(merchantId, amount);
        audit.record(actorOf(user), AuditAction.BALANCE_DEPOSITED, "merchant", merchantId, clientAddress,
                Map.of("depositId", deposit.depositId(), "amount", amount.minor(), "currency", amount.currencyCode()));
        return deposit;
    }

    @Transactional
    FailingJob retryJob(PortalUser user, String jobId, String clientAddress) {
        FailingJob job = parkedJobs.retry(jobId);
        audit.record(actorOf(user), AuditAction.JOB_RETRIED, "job", jobId, clientAddress,
                Map.of("task", job.taskName(), "objectId", job.objectId()));
        return job;
    }

    @Transactional
    IssuedApiKey issueApiKey(PortalUser user, String merchantId, String clientAddress) {
        IssuedApiKey issued = apiKeys.issue(merchantId);
        audit.record(actorOf(user), AuditAction.API_KEY_ISSUED, "api_key", issued.apiKeyId(), clientAddress,
                Map.of("merchantId", merchantId, "prefix", issued.prefix()));
        return issued;
    }

    @Transactional
    ApiKey revokeApiKey(PortalUser user, String merchantId, String keyId, String clientAddress) {
        ApiKey revoked = apiKeys.revoke(merchantId, keyId);
        audit.record(actorOf(user), AuditAction.API_KEY_REVOKED, "api_key", keyId, clientAddress, Map.of("merchantId", merchantId));
        return revoked;
    }

    /** {@link UserService#inviteMerchantUser} records the invitation in the audit log itself, as for the operator key. */
    Invitation inviteMerchantUser(PortalUser user, String merchantId, String email, String name, MerchantRole role,
                                  String clientAddress) {
        return users.inviteMerchantUser(merchantId, email, name, role, actorOf(user), clientAddress);
    }

    /** {@link UserService#inviteOperator} records the invitation in the audit log itself. */
    Invitation inviteOperator(PortalUser user, String email, String name, OperatorRole role, String clientAddress) {
        return users.inviteOperator(email, name, role, actorOf(user), clientAddress);
    }

    /** A new password link; {@link UserService#requestPasswordReset} ends the user's sessions and records it in the audit log. */
    Invitation resetPassword(PortalUser user, String userId, String clientAddress) {
        return users.requestPasswordReset(userId, actorOf(user), clientAddress);
    }

    private static Actor actorOf(PortalUser user) {
        return new Actor(user.userId(), user.email(), user.role());
    }
}
