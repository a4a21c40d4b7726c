package io.kycwhitelist.screening;

/** A list file that does not have the format of its list; the message names the file and place. */
public class ListFormatException extends RuntimeException {

    public ListFormatException(String message) {
        super(message);
    }

    public ListFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
