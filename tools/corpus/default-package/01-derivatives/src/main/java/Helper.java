/** A copy of the course's Helper, made by the submission. */
public final class Helper {
}
