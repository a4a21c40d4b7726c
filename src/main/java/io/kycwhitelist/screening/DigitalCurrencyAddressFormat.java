package io.kycwhitelist.screening;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/** OFAC's per-asset files of sanctioned digital currency addresses: one address a line. */
public final class DigitalCurrencyAddressFormat {

    private DigitalCurrencyAddressFormat() {}

    /** The asset of a file named {@code sanctioned_addresses_<ASSET>.txt}, or null for other files. */
    public static String assetOf(String fileName) {
        return fileName.matches("sanctioned_addresses_[A-Z0-9]+\\.txt")
                ? fileName.substring("sanctioned_addresses_".length(), fileName.length() - ".txt".length())
                : null;
    }

    public static List<ListedAddress> parse(String asset, String fileName, Reader reader) {
        List<ListedAddress> addresses = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(reader)) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String address = line.strip();
                if (address.isEmpty()) {
                    continue;
                }
                if (!address.matches("[A-Za-z0-9:]{20,120}")) {
                    throw new ListFormatException(fileName + " line " + number + ": not a digital currency address ("
                            + (address.length() > 30 ? address.substring(0, 30) + "..." : address) + ")");
                }
                if ("ETH".equals(asset) && !address.matches("0x[0-9a-fA-F]{40}")) {
                    throw new ListFormatException(fileName + " line " + number + ": not an Ethereum address");
                }
                addresses.add(new ListedAddress(asset, address, null));
            }
        } catch (IOException e) {
            throw new ListFormatException(fileName + ": cannot be read: " + e.getMessage(), e);
        }
        return addresses;
    }
}
