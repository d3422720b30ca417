package io.quest.platform.observability;

import io.quest.platform.bundled.BundledText;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The health canary's name rules and its script package. The script ships inside the jar
 * ({@value #SCRIPT_RESOURCE}) and is zipped the way Synthetics loads Node.js canaries:
 * {@code nodejs/node_modules/<file>.js}, with the handler {@code <file>.handler}.
 */
public final class Canaries {

    /** AWS's limit on a canary name's length. */
    public static final int MAX_NAME_LENGTH = 21;
    /** The jar resource holding the script. */
    public static final String SCRIPT_RESOURCE = "/canary/heartbeat.js";
    /** Where the script sits inside the zip. */
    public static final String ZIP_ENTRY = "nodejs/node_modules/heartbeat.js";
    /** The function Synthetics calls: file name (without .js) and exported function. */
    public static final String HANDLER = "heartbeat.handler";
    /** The key prefix of run artifacts in the artifacts bucket (the only prefix that expires). */
    public static final String ARTIFACTS_PREFIX = "artifacts/";
    /** The key prefix of script packages in the artifacts bucket. */
    public static final String SCRIPTS_PREFIX = "scripts/";

    private Canaries() {
    }

    /** The health canary's name in an environment: {@code <environment>-health}. */
    public static String healthCanaryName(String environment) {
        return requireValidName(environment + "-health");
    }

    /** Throws unless AWS accepts the name: 1 to 21 characters of lowercase letters, digits, '_' and '-'. */
    public static String requireValidName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH || !name.matches("^[0-9a-z_\\-]+$")) {
            throw new IllegalArgumentException("canary name " + name + " is not 1 to " + MAX_NAME_LENGTH
                    + " lowercase letters, digits, '_' and '-'");
        }
        return name;
    }

    /** The script as shipped in the jar. */
    public static String script() {
        return BundledText.read(SCRIPT_RESOURCE);
    }

    /**
     * The script zipped for Synthetics. The same script gives the same bytes on every run (fixed entry
     * time), so a plan shows no change until the script changes.
     */
    public static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            ZipEntry entry = new ZipEntry(ZIP_ENTRY);
            entry.setTime(315_532_800_000L); // 1980-01-01, the earliest time a zip entry holds
            zip.putNextEntry(entry);
            zip.write(script().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The package's key in the artifacts bucket: named by its content, so a new script is a new key and updates the canary. */
    public static String scriptKey(byte[] zip) {
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip)).substring(0, 16);
            return SCRIPTS_PREFIX + "heartbeat-" + hash + ".zip";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
