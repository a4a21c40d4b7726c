package io.kycwhitelist.screening;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/**
 * Screens a name against the names and aliases of listed parties.
 *
 * <p>Names are compared token by token (see {@link Names}): each token of the applicant's name
 * is paired with the most similar unpaired token of the listed name (Jaro-Winkler, or a shared
 * {@link Names#skeleton spelling skeleton}), so that token order does not matter. The score is
 * the mean similarity of the pairs, less a penalty for tokens left unpaired: small for middle
 * names (often missing on one side), large for first and last names. One paired token alone
 * never makes a match when either name has more. Where both sides have a date of birth, an
 * agreeing one raises the score and a different one lowers it.
 *
 * <p>Only names sharing a token key (skeleton, first or last three letters) with the query are scored:
 * an inverted index keeps a screening well under a millisecond against tens of thousands of names.
 */
public final class NameMatcher {

    /** The score from which a name match goes to a reviewer; chosen on the evaluation set (README). */
    public static final double DEFAULT_THRESHOLD = 0.88;

    /** Token pairs below this similarity are not paired. */
    static final double TOKEN_PAIR_MIN = 0.84;
    /** The similarity given to two tokens with the same spelling skeleton. */
    static final double SAME_SKELETON = 0.93;
    static final double FUZZY_WEIGHT = 1.5;
    static final double UNPAIRED_MIDDLE = 0.03;
    /** Organisations' names have no optional middle parts: a missing word weighs more. */
    static final double UNPAIRED_MIDDLE_ORGANISATION = 0.06;
    static final double UNPAIRED_EDGE = 0.13;
    static final double SINGLE_PAIR_CAP = 0.75;
    static final double SAME_BIRTH_DATE = 0.05;
    static final double SAME_BIRTH_YEAR = 0.02;
    static final double DIFFERENT_BIRTH_DATE = 0.12;

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    /** A hit: the listed party, the name of it that matched, the score and why. */
    public record Hit(ListedParty party, String matchedName, double score, List<String> why) {}

    private record IndexedName(int party, String name, String[] tokens, String[] skeletons, String joined) {}

    private final List<ListedParty> parties;
    private final boolean organisations;
    private final IndexedName[] names;
    private final Map<String, int[]> postings;
    private final ThreadLocal<int[][]> scratch;

    /**
     * @param parties the parties to screen against: individuals for people, the others for organisations
     * @param organisations whether names are organisations' (legal forms are left out)
     */
    public NameMatcher(List<ListedParty> parties, boolean organisations) {
        this.parties = List.copyOf(parties);
        this.organisations = organisations;
        List<IndexedName> all = new ArrayList<>();
        for (int p = 0; p < this.parties.size(); p++) {
            ListedParty party = this.parties.get(p);
            List<String> seen = new ArrayList<>();
            List<String> variants = new ArrayList<>();
            variants.add(party.name());
            variants.addAll(party.aliases());
            for (String name : variants) {
                for (List<String> tokens : Names.forms(name, organisations)) {
                    String joined = String.join("", tokens);
                    if (tokens.isEmpty() || seen.contains(String.join(" ", tokens))) {
                        continue;
                    }
                    seen.add(String.join(" ", tokens));
                    all.add(new IndexedName(p, name, tokens.toArray(String[]::new),
                            tokens.stream().map(Names::skeleton).toArray(String[]::new), joined));
                }
            }
        }
        this.names = all.toArray(IndexedName[]::new);
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int n = 0; n < names.length; n++) {
            for (String key : keys(names[n])) {
                List<Integer> list = lists.computeIfAbsent(key, k -> new ArrayList<>());
                if (list.isEmpty() || list.get(list.size() - 1) != n) {
                    list.add(n);
                }
            }
        }
        this.postings = new HashMap<>(lists.size() * 2);
        lists.forEach((key, list) -> postings.put(key, list.stream().mapToInt(Integer::intValue).toArray()));
        int size = names.length;
        this.scratch = ThreadLocal.withInitial(() -> new int[][] {new int[size], new int[size], new int[1]});
    }

    public int nameCount() {
        return names.length;
    }

    /**
     * The parties whose best-matching name scores at least {@code threshold}, best first.
     *
     * @param dateOfBirth the applicant's date of birth, or null (organisations)
     */
    public List<Hit> screen(String name, LocalDate dateOfBirth, double threshold) {
        List<String> tokens = Names.tokens(name, organisations);
        if (tokens.isEmpty()) {
            return List.of();
        }
        String[] query = tokens.toArray(String[]::new);
        String[] querySkeletons = tokens.stream().map(Names::skeleton).toArray(String[]::new);
        String joined = String.join("", tokens);
        Map<Integer, Hit> best = new LinkedHashMap<>();
        Map<String, double[]> similarities = new HashMap<>(); // per listed token: its similarity to each query token
        for (int n : candidates(query, querySkeletons)) {
            IndexedName candidate = names[n];
            Scored scored = score(query, querySkeletons, joined, candidate, similarities);
            if (scored.score <= 0) {
                continue;
            }
            ListedParty party = parties.get(candidate.party);
            BirthDate.Agreement agreement = dateOfBirth == null ? null : agreement(party, dateOfBirth);
            double score = adjustForBirthDate(scored.score, agreement);
            Hit earlier = best.get(candidate.party);
            if (score >= threshold && (earlier == null || earlier.score < round(score))) {
                best.put(candidate.party, new Hit(party, candidate.name, round(score), why(scored, query.length, candidate, party, agreement)));
            }
        }
        return best.values().stream().sorted(Comparator.comparingDouble(Hit::score).reversed()).toList();
    }

    /** Names sharing a key with enough of the query's tokens to be worth scoring. */
    private int[] candidates(String[] query, String[] skeletons) {
        int[][] s = scratch.get();
        int[] matched = s[0]; // per name: a bit for each query token that shares a key with it
        int[] stamp = s[1];
        int[] generation = s[2];
        int base = ++generation[0] * 16; // a fresh range of stamps per screening, so nothing needs clearing
        if (base > Integer.MAX_VALUE - 64) {
            Arrays.fill(stamp, 0);
            generation[0] = 1;
            base = 16;
        }
        int[] found = new int[64];
        int size = 0;
        for (int q = 0; q < query.length && q < 15; q++) {
            int mark = base + q + 1;
            for (String key : new String[] {"s:" + skeletons[q], "p:" + prefix(query[q]), "x:" + suffix(query[q])}) {
                int[] list = postings.get(key);
                if (list == null) {
                    continue;
                }
                for (int n : list) {
                    if (stamp[n] < base) {
                        stamp[n] = mark;
                        matched[n] = 1 << q;
                        if (size == found.length) {
                            found = Arrays.copyOf(found, size * 2);
                        }
                        found[size++] = n;
                    } else if (stamp[n] != mark) {
                        stamp[n] = mark;
                        matched[n] |= 1 << q;
                    }
                }
            }
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int n = found[i];
            int need = Math.min(2, Math.min(query.length, names[n].tokens.length));
            if (Integer.bitCount(matched[n]) >= need) {
                found[kept++] = n;
            }
        }
        return Arrays.copyOf(found, kept);
    }

    /** A name's score and what it rests on. */
    private record Scored(double score, boolean sameName, int pairs, int exact) {}

    private Scored score(String[] query, String[] querySkeletons, String joined, IndexedName candidate, Map<String, double[]> similarities) {
        if (joined.equals(candidate.joined)) {
            return new Scored(1.0, true, candidate.tokens.length, candidate.tokens.length);
        }
        int qn = query.length;
        int cn = candidate.tokens.length;
        double[][] sim = new double[cn][];
        for (int j = 0; j < cn; j++) {
            String token = candidate.tokens[j];
            String skeleton = candidate.skeletons[j];
            sim[j] = similarities.computeIfAbsent(token, t -> {
                double[] row = new double[qn];
                for (int i = 0; i < qn; i++) {
                    row[i] = tokenSimilarity(query[i], querySkeletons[i], t, skeleton);
                }
                return row;
            });
        }
        boolean[] queryPaired = new boolean[qn];
        boolean[] candidatePaired = new boolean[cn];
        int pairs = 0;
        double total = 0;
        int exact = 0;
        while (true) {
            double max = TOKEN_PAIR_MIN;
            int bi = -1;
            int bj = -1;
            for (int i = 0; i < qn; i++) {
                if (queryPaired[i]) {
                    continue;
                }
                for (int j = 0; j < cn; j++) {
                    if (!candidatePaired[j] && sim[j][i] >= max && (bi < 0 || sim[j][i] > max)) {
                        max = sim[j][i];
                        bi = i;
                        bj = j;
                    }
                }
            }
            if (bi < 0) {
                break;
            }
            queryPaired[bi] = true;
            candidatePaired[bj] = true;
            pairs++;
            total += 1 - FUZZY_WEIGHT * (1 - max); // a near miss counts for less than its raw similarity
            if (max == 1.0) {
                exact++;
            }
        }
        if (pairs == 0) {
            return new Scored(0, false, 0, 0);
        }
        double middle = organisations ? UNPAIRED_MIDDLE_ORGANISATION : UNPAIRED_MIDDLE;
        double queryPenalty = unpairedPenalty(queryPaired, middle);
        double candidatePenalty = unpairedPenalty(candidatePaired, middle);
        // a part unpaired on both sides is mostly one part spelt differently, not two missing
        double score = total / pairs - Math.max(queryPenalty, candidatePenalty) - Math.min(queryPenalty, candidatePenalty) / 4;
        if (pairs == 1 && (qn > 1 || cn > 1)) {
            score = Math.min(score, SINGLE_PAIR_CAP);
        }
        return new Scored(Math.max(0, score), false, pairs, exact);
    }

    /** Why a hit scored as it did, in words for the reviewer. */
    private static List<String> why(Scored scored, int queryTokens, IndexedName candidate, ListedParty party, BirthDate.Agreement agreement) {
        List<String> why = new ArrayList<>();
        int cn = candidate.tokens.length;
        if (scored.sameName()) {
            why.add("same name once case, accents, punctuation and spacing are set aside");
        } else {
            why.add(scored.pairs() + " of " + queryTokens + " name parts paired with " + scored.pairs() + " of " + cn
                    + " of the listed name (" + scored.exact() + " identical)");
            if (scored.pairs() == 1 && (queryTokens > 1 || cn > 1)) {
                why.add("only one name part agrees");
            }
        }
        if (agreement != null) {
            why.add(switch (agreement) {
                case SAME_DATE -> "same date of birth";
                case SAME_YEAR -> "same year of birth";
                case CLOSE -> "date of birth close to a listed one";
                case DIFFERENT -> "date of birth differs from every listed one (" + party.birthDates() + ")";
            });
        }
        return List.copyOf(why);
    }

    static double tokenSimilarity(String a, String aSkeleton, String b, String bSkeleton) {
        if (a.equals(b)) {
            return 1.0;
        }
        double jw = JARO_WINKLER.apply(a, b);
        if (aSkeleton.length() >= 2 && jw >= 0.7 && aSkeleton.equals(bSkeleton)) {
            return Math.max(jw, SAME_SKELETON);
        }
        return jw;
    }

    /** Unpaired first or last name parts weigh heavily, unpaired middle ones little. */
    private static double unpairedPenalty(boolean[] paired, double middle) {
        double penalty = 0;
        for (int i = 0; i < paired.length; i++) {
            if (!paired[i]) {
                penalty += i == 0 || i == paired.length - 1 ? UNPAIRED_EDGE : middle;
            }
        }
        return penalty;
    }

    /** The best agreement of a date of birth with the party's listed ones; null when none is listed. */
    private static BirthDate.Agreement agreement(ListedParty party, LocalDate dateOfBirth) {
        BirthDate.Agreement best = null;
        for (BirthDate listed : party.birthDates()) {
            BirthDate.Agreement a = listed.agreement(dateOfBirth);
            if (best == null || a.ordinal() < best.ordinal()) {
                best = a;
            }
        }
        return best;
    }

    private static double adjustForBirthDate(double score, BirthDate.Agreement agreement) {
        if (agreement == null) {
            return score;
        }
        return switch (agreement) {
            case SAME_DATE -> Math.min(1.0, score + SAME_BIRTH_DATE);
            case SAME_YEAR -> Math.min(1.0, score + SAME_BIRTH_YEAR);
            case CLOSE -> score;
            case DIFFERENT -> score - DIFFERENT_BIRTH_DATE;
        };
    }

    private static List<String> keys(IndexedName name) {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < name.tokens.length; i++) {
            keys.add("s:" + name.skeletons[i]);
            keys.add("p:" + prefix(name.tokens[i]));
            keys.add("x:" + suffix(name.tokens[i]));
        }
        return keys;
    }

    private static String prefix(String token) {
        return token.length() <= 3 ? token : token.substring(0, 3);
    }

    private static String suffix(String token) {
        return token.length() <= 3 ? token : token.substring(token.length() - 3);
    }

    private static double round(double score) {
        return Math.round(score * 1000) / 1000.0;
    }
}
