package io.cardflow.merchant;

import io.cardflow.common.ApiException;
import io.cardflow.common.Ids;
import io.cardflow.common.Money;
import io.cardflow.common.Page;
import io.cardflow.common.PageRequest;
import io.cardflow.events.EventLog;
import io.cardflow.events.EventType;
import io.cardflow.ledger.CurrencyBalance;
import io.cardflow.ledger.LedgerService;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MerchantService {

    private final MerchantRepository merchants;
    private final LedgerService ledger;
    private final Clock clock;
    private final EventLog events;

    MerchantService(MerchantRepository merchants, LedgerService ledger, Clock clock, EventLog events) {
        this.merchants = merchants;
        this.ledger = ledger;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Merchant create(String name) {
        Merchant merchant = new Merchant(Ids.newId("mer"), name.strip(), clock.instant());
        merchants.insert(merchant);
        return merchant;
    }

    public Merchant get(String merchantId) {
        return merchants.find(merchantId).orElseThrow(() -> ApiException.notFound("merchant", merchantId));
    }

    public Page<Merchant> list(PageRequest page) {
        Long before = page.startingAfter() == null ? null : merchants.seqOf(page.startingAfter())
                .orElseThrow(() -> ApiException.invalid("startingAfter", "no such merchant"));
        return Page.fromOverfetched(merchants.list(page.limit(), before), page.limit());
    }

    @Transactional
    public Deposit deposit(String merchantId, Money amount) {
        get(merchantId);
        String depositId = ledger.deposit(merchantId, amount);
        Deposit deposit = new Deposit(depositId, merchantId, amount.minor(), amount.currencyCode(), clock.instant());
        events.recordCreated(List.of(new EventLog.Change(merchantId, EventType.BALANCE_DEPOSITED, depositId, deposit)));
        return deposit;
    }

    public List<CurrencyBalance> balances(String merchantId) {
        return ledger.merchantBalances(merchantId);
    }

    public long count() {
        return merchants.count();
    }

    public boolean anyExist() {
        return merchants.count() > 0;
    }
}
