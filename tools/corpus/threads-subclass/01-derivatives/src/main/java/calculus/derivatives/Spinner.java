package calculus.derivatives;

/** Spins for ever on a thread of its own. */
final class Spinner extends Thread {

    @Override
    public void run() {
        double x = 0;
        while (x >= 0) {
            x = x + 1;
        }
    }
}
