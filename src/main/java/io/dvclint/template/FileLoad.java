package io.dvclint.template;

import io.dvclint.yaml.YNode;

/**
 * What a vars/params file loader returns: the positioned root of the file (null for an empty document), or why the
 * file could not be read. The templating resolver turns the statuses into DVC's messages
 * ({@code 'x' does not exist}, {@code 'x' is a directory}).
 */
public record FileLoad(YNode root, Status status, String message) {
    public enum Status { OK, MISSING, DIRECTORY, UNREADABLE }

    public static FileLoad ok(YNode root) {
        return new FileLoad(root, Status.OK, null);
    }

    public static FileLoad missing() {
        return new FileLoad(null, Status.MISSING, null);
    }

    public static FileLoad directory() {
        return new FileLoad(null, Status.DIRECTORY, null);
    }

    /** The file exists but cannot be parsed or read; {@code message} says why. */
    public static FileLoad unreadable(String message) {
        return new FileLoad(null, Status.UNREADABLE, message);
    }
}
