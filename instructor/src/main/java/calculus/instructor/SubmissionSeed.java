package calculus.instructor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The seed of a submission's random inputs: {@code SHA-256(secret, ":", identity)}, its first eight bytes taken
 * as a non-negative number below 10<sup>9</sup>. Every graded test then draws inputs of its own from this course
 * seed and the test's identity. A student cannot compute the inputs without the instructor's secret, and answers
 * tabulated from the public runs (which use the course's fixed seed) do not replay; the same submission graded
 * twice gets the same inputs, so a grade can be reproduced.
 *
 * <p>The secret comes from {@code --secret-file FILE}, else the environment variable
 * {@code CALCULUS_GRADING_SECRET}, else the file {@code .grading-secret} in the course's root, made with 32 random
 * bytes the first time it is needed (git ignores it). Keep it private, and keep it for as long as grades must be
 * reproducible.
 */
final class SubmissionSeed {

    /** The environment variable that may hold the secret. */
    static final String ENVIRONMENT = "CALCULUS_GRADING_SECRET";
    /** The file in the course's root that holds the secret otherwise. */
    static final String FILE = ".grading-secret";
    /** Seeds are kept to nine digits, as the course's own are. */
    private static final long RANGE = 1_000_000_000L;

    private SubmissionSeed() {
    }

    /**
     * The seed of a submission.
     *
     * @param secret   the instructor's secret
     * @param identity the student's identity (a login, or the submission folder's name)
     * @return a seed in [0, 10<sup>9</sup>)
     */
    static long of(String secret, String identity) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(secret.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) ':');
            sha.update(identity.getBytes(StandardCharsets.UTF_8));
            return Math.floorMod(ByteBuffer.wrap(sha.digest()).getLong(), RANGE);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The instructor's secret: the file given, the environment, or the course's own secret file (made if need be). */
    static String secret(Path course, String file) throws IOException {
        if (file != null) {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        Path own = course.resolve(FILE);
        if (!Files.isRegularFile(own)) {
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            Files.writeString(own, HexFormat.of().formatHex(bytes) + "\n", StandardCharsets.UTF_8);
        }
        return Files.readString(own, StandardCharsets.UTF_8).strip();
    }
}
