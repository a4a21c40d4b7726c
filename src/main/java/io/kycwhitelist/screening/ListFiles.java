package io.kycwhitelist.screening;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/** Reads the files of the lists: from a directory an operator fills, or the copies shipped in the application. */
public final class ListFiles {

    static final String BUNDLED = "sanctions/";

    /** The files' bytes by path, and the dates of the lists whose format carries none. */
    public record Contents(Map<String, byte[]> content, Map<SanctionsList, String> asOf) {}

    private ListFiles() {}

    /**
     * The lists in a directory laid out as {@link SanctionsLists} describes. OFAC's lists are dated
     * by their files' modification time (downloads keep the server's date with {@code curl -R}).
     */
    public static Contents fromDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new ListFormatException(directory + " is not a directory");
        }
        Map<String, byte[]> content = new LinkedHashMap<>();
        try (Stream<Path> paths = Files.walk(directory, 2)) {
            for (Path path : paths.filter(java.nio.file.Files::isRegularFile).sorted().toList()) {
                content.put(directory.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
            }
        } catch (IOException e) {
            throw new ListFormatException("Cannot read the lists in " + directory + ": " + e.getMessage(), e);
        }
        Map<SanctionsList, String> asOf = new EnumMap<>(SanctionsList.class);
        asOf.put(SanctionsList.OFAC_SDN, modified(directory.resolve(SanctionsLists.SDN)));
        asOf.put(SanctionsList.OFAC_DIGITAL_CURRENCY_ADDRESSES, modified(directory.resolve(SanctionsLists.ADDRESS_FOLDER)));
        return new Contents(content, asOf);
    }

    /** The copies shipped in the application, listed with their dates in {@code sanctions/bundled.properties}. */
    public static Contents bundled(ClassLoader loader) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(resource(loader, BUNDLED + "bundled.properties"), StandardCharsets.UTF_8)));
            Map<String, byte[]> content = new LinkedHashMap<>();
            for (String file : List.of(properties.getProperty("files", "").split(","))) {
                content.put(file, resource(loader, BUNDLED + file));
            }
            Map<SanctionsList, String> asOf = new EnumMap<>(SanctionsList.class);
            for (SanctionsList list : SanctionsList.values()) {
                String date = properties.getProperty(list + ".asOf");
                if (date != null) {
                    asOf.put(list, date);
                }
            }
            return new Contents(content, asOf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] resource(ClassLoader loader, String name) throws IOException {
        try (InputStream in = loader.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("The shipped list file " + name + " is missing from the application");
            }
            return in.readAllBytes();
        }
    }

    private static String modified(Path path) {
        try {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.list(path)) {
                    return files.map(ListFiles::modified).max(String::compareTo).orElse(null);
                }
            }
            return Files.exists(path)
                    ? Files.getLastModifiedTime(path).toInstant().atOffset(ZoneOffset.UTC).toLocalDate().toString()
                    : null;
        } catch (IOException e) {
            return null;
        }
    }
}
