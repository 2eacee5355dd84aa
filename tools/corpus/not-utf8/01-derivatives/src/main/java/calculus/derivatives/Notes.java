package calculus.derivatives;

/** Notes on the dérivée, saved by an editor in Latin-1. */
final class Notes {
}
