package io.kycwhitelist.screening;

/** The lists shipped with the service, loaded once for the plain-Java tests. */
final class ShippedLists {

    static final SanctionsLists LISTS = load();

    private ShippedLists() {}

    private static SanctionsLists load() {
        ListFiles.Contents files = ListFiles.bundled(ShippedLists.class.getClassLoader());
        return SanctionsLists.load(files.content(), files.asOf());
    }
}
