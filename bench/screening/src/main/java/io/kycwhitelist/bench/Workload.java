package io.kycwhitelist.bench;

import io.kycwhitelist.screening.ListFiles;
import io.kycwhitelist.screening.SanctionsLists;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The lists and the names the benchmarks screen: read from the repository (run from its root). */
final class Workload {

    static final Path LISTS = Path.of(System.getProperty("lists", "src/main/resources/sanctions"));
    static final Path NAMES = Path.of(System.getProperty("names", "src/test/resources/screening/evaluation.tsv"));

    record Query(String name, LocalDate dateOfBirth) {}

    private Workload() {}

    static SanctionsLists load() {
        ListFiles.Contents files = ListFiles.fromDirectory(LISTS);
        return SanctionsLists.load(files.content(), files.asOf());
    }

    /** The people of the evaluation set: listed names' variants and ordinary names, in its order. */
    static List<Query> people() {
        try {
            List<Query> queries = new ArrayList<>();
            for (String line : Files.readAllLines(NAMES)) {
                String[] f = line.split("\t", -1);
                if (!line.startsWith("#") && f.length > 3 && f[1].equals("person")) {
                    queries.add(new Query(f[2], LocalDate.parse(f[3])));
                }
            }
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
