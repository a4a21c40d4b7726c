package io.kycwhitelist.bench;

import io.kycwhitelist.screening.ListedParty;
import io.kycwhitelist.screening.NameMatcher;
import io.kycwhitelist.screening.SanctionsLists;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to screen one person's name against every loaded list, one thread: the service's
 * matcher next to a naive baseline (Apache Commons Text Jaro-Winkler of the whole name against
 * every listed name and alias). Sample mode: JMH prints the median (p0.50) and p0.99.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class ScreeningBenchmark {

    private SanctionsLists lists;
    private List<Workload.Query> queries;
    private List<String> everyListedName;
    private final JaroWinklerSimilarity jaroWinkler = new JaroWinklerSimilarity();
    private int next;

    @Setup
    public void load() {
        lists = Workload.load();
        queries = Workload.people();
        everyListedName = new ArrayList<>();
        // every listed individual's name and aliases, as the naive baseline compares them
        for (ListedParty party : listedIndividuals(lists)) {
            everyListedName.add(party.name().toUpperCase(Locale.ROOT));
            party.aliases().forEach(a -> everyListedName.add(a.toUpperCase(Locale.ROOT)));
        }
    }

    private static List<ListedParty> listedIndividuals(SanctionsLists lists) {
        return lists.parties().stream().filter(ListedParty::individual).toList();
    }

    private Workload.Query nextQuery() {
        Workload.Query q = queries.get(next);
        next = (next + 1) % queries.size();
        return q;
    }

    @Benchmark
    public List<NameMatcher.Hit> matcher() {
        Workload.Query q = nextQuery();
        return lists.screenPerson(q.name(), q.dateOfBirth(), NameMatcher.DEFAULT_THRESHOLD);
    }

    @Benchmark
    public double naiveJaroWinklerBaseline() {
        String name = nextQuery().name().toUpperCase(Locale.ROOT);
        double best = 0;
        for (String listed : everyListedName) {
            double score = jaroWinkler.apply(name, listed);
            if (score > best) {
                best = score;
            }
        }
        return best;
    }
}
