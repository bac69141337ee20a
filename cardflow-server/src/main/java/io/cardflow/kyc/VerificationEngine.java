package io.cardflow.kyc;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides KYC and KYB applications from their (already validated) content. Pure: no clock, no I/O, so
 * callers pass {@code today} and the same input always yields the same verdict.
 *
 * <p>Hard failures reject with every applicable reason, so the applicant can fix all of them at once.
 * Only when nothing rejects does a close watch-list match send the application to manual review.
 */
public final class VerificationEngine {

    private static final int ADULT_AGE = 18;

    private final WatchList watchList;
    private final double threshold;

    public VerificationEngine(WatchList watchList, double threshold) {
        this.watchList = Objects.requireNonNull(watchList, "watchList");
        this.threshold = NameMatcher.requireValidThreshold(threshold);
    }

    public Verdict verify(IndividualKyc kyc, LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<ReasonCode> rejections = new ArrayList<>();
        if (isUnderage(kyc.dateOfBirth(), today)) {
            rejections.add(ReasonCode.APPLICANT_UNDERAGE);
        }
        // A document is valid through its expiry date, so only a date strictly before today has expired.
        if (kyc.identityDocument().expiryDate().isBefore(today)) {
            rejections.add(ReasonCode.DOCUMENT_EXPIRED);
        }
        List<WatchListHit> hits = screen(kyc);
        if (hasExact(hits)) {
            rejections.add(ReasonCode.WATCHLIST_MATCH);
        }
        return decide(rejections, hits);
    }

    public Verdict verify(BusinessKyb kyb, LocalDate today) {
        Objects.requireNonNull(today, "today");
        List<WatchListHit> hits = screen(kyb);
        boolean ownerUnderage = kyb.beneficialOwners().stream().anyMatch(owner -> isUnderage(owner.dateOfBirth(), today));
        List<ReasonCode> rejections = new ArrayList<>();
        if (hasExact(hits)) {
            rejections.add(ReasonCode.WATCHLIST_MATCH);
        }
        if (ownerUnderage) {
            rejections.add(ReasonCode.BENEFICIAL_OWNER_UNDERAGE);
        }
        return decide(rejections, hits);
    }

    /** The watch-list entries the applicant's name matches, with their scores: the evidence an operator reviews. */
    public List<WatchListHit> screen(IndividualKyc kyc) {
        return hits(evidence(kyc));
    }

    /** The entries the legal name and each beneficial owner's name match, in that order. */
    public List<WatchListHit> screen(BusinessKyb kyb) {
        return hits(evidence(kyb));
    }

    /** {@link #screen(IndividualKyc)}'s hits, each with the name that was screened: what is kept with the application. */
    public List<WatchListMatch> evidence(IndividualKyc kyc) {
        return matches(person(kyc.firstName(), kyc.lastName()), EntryType.INDIVIDUAL);
    }

    /** {@link #screen(BusinessKyb)}'s hits, each with the name that was screened. */
    public List<WatchListMatch> evidence(BusinessKyb kyb) {
        List<WatchListMatch> matches = new ArrayList<>(matches(kyb.legalName(), EntryType.ENTITY));
        for (BeneficialOwner owner : kyb.beneficialOwners()) {
            matches.addAll(matches(person(owner.firstName(), owner.lastName()), EntryType.INDIVIDUAL));
        }
        return List.copyOf(matches);
    }

    // Period counts whole calendar years, so someone born on 29 February comes of age on 1 March
    // in non-leap years, and exactly on their 18th birthday otherwise.
    private static boolean isUnderage(LocalDate dateOfBirth, LocalDate today) {
        return Period.between(dateOfBirth, today).getYears() < ADULT_AGE;
    }

    private List<WatchListMatch> matches(String name, EntryType type) {
        return watchList.screen(name, type, threshold).stream().map(hit -> new WatchListMatch(name, hit)).toList();
    }

    private static String person(String firstName, String lastName) {
        return firstName + " " + lastName;
    }

    private static List<WatchListHit> hits(List<WatchListMatch> matches) {
        return matches.stream().map(WatchListMatch::hit).toList();
    }

    private static boolean hasExact(List<WatchListHit> hits) {
        return hits.stream().anyMatch(WatchListHit::exact);
    }

    private static Verdict decide(List<ReasonCode> rejections, List<WatchListHit> hits) {
        if (!rejections.isEmpty()) {
            return new Verdict(Outcome.REJECTED, rejections);
        }
        if (!hits.isEmpty()) {
            return new Verdict(Outcome.MANUAL_REVIEW, List.of(ReasonCode.WATCHLIST_POSSIBLE_MATCH));
        }
        return new Verdict(Outcome.APPROVED, List.of());
    }
}
