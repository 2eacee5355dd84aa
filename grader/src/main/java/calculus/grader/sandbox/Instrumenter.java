package calculus.grader.sandbox;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassTooLargeException;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodTooLargeException;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import calculus.grader.budget.StepBudget;
import calculus.grader.budget.StepBudgetExceeded;

/**
 * Rewrites a compiled student class so that it counts its own steps against the {@link StepBudget}:
 * <ul>
 * <li>{@link StepBudget#step()} at the entry of every method with code (constructors and static initialisers
 * included: a static call before {@code super(...)} is legal bytecode; lambda bodies, bridges and other synthetic
 * methods are ordinary methods),</li>
 * <li>{@link StepBudget#step()} before every backward jump, a jump or switch to an instruction that comes earlier in
 * the method: one per loop iteration, whatever the loop's form ({@code for}, {@code while}, {@code do}, labelled
 * {@code continue}),</li>
 * <li>{@link StepBudget#caught(Throwable)} at the start of every exception handler, before its first instruction, so
 * that a {@code catch} or a {@code finally} cannot run on once the budget is exhausted.</li>
 * </ul>
 * A loop of <em>n</em> iterations therefore costs <em>n</em> steps plus a constant, and a recursion of depth
 * <em>d</em> costs <em>d</em> steps.
 *
 * <p>The inserted code leaves the operand stack and the locals as it found them ({@code step()} takes nothing, the
 * handler's {@code dup} feeds {@code caught} a copy of what it caught), so the class's stack map frames stay valid as
 * they are: the class is written with {@code COMPUTE_MAXS} only, never {@code COMPUTE_FRAMES} (which would load
 * classes to merge types). Line numbers are kept, and the entry step is given the method's first line, so that a
 * stack trace through a step points at the student's code.
 *
 * <p>A step at a handler's start needs two precautions, both about where the error it throws goes:
 * <ul>
 * <li>It leaves the method at once: every exception table entry that could catch it leaves a hole around the step.
 * Otherwise a {@code javac} quirk would loop for ever: when a {@code try} block cannot complete normally, its range
 * runs one instruction into its own {@code finally} handler, which would catch its own step's error again and
 * again. And an enclosing handler of the same method could only throw again at its own step.</li>
 * <li>The handler that {@code javac} writes to release a {@code synchronized} block's monitor gets no step, and its
 * range keeps covering the other handlers' steps: it must run, or the monitor stays locked. It is recognised by its
 * shape, straight-line code that releases a monitor and rethrows what it caught, so it cannot swallow the error.</li>
 * </ul>
 */
public final class Instrumenter {

    private static final String BUDGET = Type.getInternalName(StepBudget.class);
    private static final String STEP = "step";
    private static final String STEP_DESCRIPTOR = "()V";
    private static final String CAUGHT = "caught";
    private static final String CAUGHT_DESCRIPTOR = "(Ljava/lang/Throwable;)V";

    /** The exception types whose handlers catch a {@link StepBudgetExceeded}: its supertypes and itself. */
    private static final Set<String> CATCHES_BUDGET = Set.of("java/lang/Throwable", "java/lang/Error",
        Type.getInternalName(StepBudgetExceeded.class));

    private Instrumenter() {
    }

    /**
     * Instruments one class file.
     *
     * @param classFile the bytes of a class file, as {@code javac} writes them
     * @return the bytes of the instrumented class, with the same name, members, line numbers and frames
     * @throws IllegalArgumentException if {@code classFile} is {@code null}, is not a class file ASM can read, or a
     *     method grows past the JVM's limit of 65,535 bytes of code
     */
    public static byte[] instrument(byte[] classFile) {
        if (classFile == null) {
            throw new IllegalArgumentException("classFile is null");
        }
        String name = "?";
        try {
            ClassReader reader = new ClassReader(classFile);
            name = reader.getClassName();
            List<Handlers> handlers = HandlerScan.scan(reader);
            ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
            reader.accept(new StepInserter(writer, handlers), 0);
            return writer.toByteArray();
        } catch (MethodTooLargeException e) {
            throw new IllegalArgumentException("method " + e.getClassName().replace('/', '.') + "." + e.getMethodName()
                + " is too large to instrument: " + e.getCodeSize() + " bytes of code with the step calls", e);
        } catch (ClassTooLargeException e) {
            throw new IllegalArgumentException("class " + name + " is too large to instrument", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("class " + name + " cannot be instrumented: " + e, e);
        }
    }

    /** What the first pass learns about one method's exception handlers, by label ordinal. */
    private static final class Handlers {

        /** The ordinals of the handler labels that get a step. */
        final BitSet steps = new BitSet();

        /**
         * For each exception table entry, in table order, the ordinals of the stepped handlers inside its range, in
         * code order, around whose steps it leaves a hole; empty for most.
         */
        final List<int[]> holes = new ArrayList<>();

        /** For each exception table entry, the ordinal of the label its range starts at. */
        final List<Integer> starts = new ArrayList<>();
    }

    /**
     * The first pass: for each method, in the order ASM visits them, which handlers get a step and which exception
     * table entries leave holes. A label's ordinal is its rank in the order the method's labels are visited, which is
     * code order, and which the second pass sees again.
     */
    private static final class HandlerScan extends ClassVisitor {

        private final List<Handlers> methods = new ArrayList<>();

        private HandlerScan() {
            super(Opcodes.ASM9);
        }

        static List<Handlers> scan(ClassReader reader) {
            HandlerScan scan = new HandlerScan();
            reader.accept(scan, 0);
            return scan.methods;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            Handlers handlers = new Handlers();
            methods.add(handlers);
            return new MethodScan(handlers);
        }
    }

    /** The first pass over one method. */
    private static final class MethodScan extends MethodVisitor {

        private final Handlers handlers;
        private final Map<Label, Integer> ordinals = new IdentityHashMap<>();
        private final List<Label[]> blocks = new ArrayList<>();
        private final List<Boolean> catchesBudget = new ArrayList<>();
        private final Set<Label> handlerLabels = new HashSet<>();
        private final BitSet monitorReleases = new BitSet();
        private final MonitorRelease release = new MonitorRelease();

        MethodScan(Handlers handlers) {
            super(Opcodes.ASM9);
            this.handlers = handlers;
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            blocks.add(new Label[] {start, end, handler});
            catchesBudget.add(type == null || CATCHES_BUDGET.contains(type));
            handlerLabels.add(handler);
        }

        @Override
        public void visitLabel(Label label) {
            int ordinal = ordinals.size();
            ordinals.put(label, ordinal);
            if (handlerLabels.contains(label)) {
                release.start(ordinal);
            }
        }

        @Override
        public void visitInsn(int opcode) {
            int released = release.instruction(opcode, -1);
            if (released >= 0) {
                monitorReleases.set(released);
            }
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            release.instruction(opcode, varIndex);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            release.instruction(Opcodes.IINC, varIndex);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            release.instruction(opcode, -1);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            release.instruction(opcode, -1);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            release.instruction(opcode, -1);
        }

        @Override
        public void visitLdcInsn(Object value) {
            release.instruction(Opcodes.LDC, -1);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            release.stop();
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
                Object... bootstrapMethodArguments) {
            release.stop();
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            release.stop();
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
            release.stop();
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
            release.stop();
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            release.stop();
        }

        @Override
        public void visitEnd() {
            for (Label[] block : blocks) {
                int handler = ordinals.get(block[2]);
                if (!monitorReleases.get(handler)) {
                    handlers.steps.set(handler);
                }
            }
            for (int i = 0; i < blocks.size(); i++) {
                Label[] block = blocks.get(i);
                boolean leavesHoles = catchesBudget.get(i) && !monitorReleases.get(ordinals.get(block[2]));
                int from = ordinals.get(block[0]);
                int to = ordinals.get(block[1]);
                handlers.starts.add(from);
                handlers.holes.add(leavesHoles ? handlers.steps.get(from, to).stream().map(h -> h + from).toArray()
                    : new int[0]);
            }
        }
    }

    /**
     * Recognises, instruction by instruction, a handler that releases a monitor and rethrows what it caught in
     * straight-line code, as {@code javac}'s handler for a {@code synchronized} block does:
     * {@code astore t; aload lock; monitorexit; aload t; athrow}. A call, jump, switch or return on the way, or a new
     * value stored in {@code t}, and the handler is an ordinary one.
     */
    private static final class MonitorRelease {

        /** The ordinal of the handler being read; -1 when none. */
        private int handler = -1;
        /** The local the handler stored what it caught in; -1 before its first instruction. */
        private int caught;
        private boolean released;
        private boolean loadedCaught;

        void start(int ordinal) {
            handler = ordinal;
            caught = -1;
            released = false;
            loadedCaught = false;
        }

        void stop() {
            handler = -1;
        }

        /**
         * Reads the next instruction of the handler being read, if any.
         *
         * @return the handler's ordinal if this instruction completes the shape, else -1
         */
        int instruction(int opcode, int varIndex) {
            if (handler < 0) {
                return -1;
            }
            if (caught < 0) {
                if (opcode == Opcodes.ASTORE) {
                    caught = varIndex;
                } else {
                    stop();
                }
                return -1;
            }
            if (opcode == Opcodes.ATHROW) {
                int matched = released && loadedCaught ? handler : -1;
                stop();
                return matched;
            }
            boolean storesCaught = opcode >= Opcodes.ISTORE && opcode <= Opcodes.ASTORE
                && (varIndex == caught || varIndex == caught - 1 && (opcode == Opcodes.LSTORE
                    || opcode == Opcodes.DSTORE))
                || opcode == Opcodes.IINC && varIndex == caught;
            if (storesCaught || opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
                stop();
            } else if (opcode == Opcodes.MONITOREXIT) {
                released = true;
            }
            loadedCaught = opcode == Opcodes.ALOAD && varIndex == caught;
            return -1;
        }
    }

    /** The second pass: copies the class, inserting the steps. */
    private static final class StepInserter extends ClassVisitor {

        private final List<Handlers> handlers;
        private int methods;

        StepInserter(ClassVisitor next, List<Handlers> handlers) {
            super(Opcodes.ASM9, next);
            this.handlers = handlers;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            Handlers method = handlers.get(methods++);
            boolean hasCode = (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) == 0;
            return hasCode && next != null ? new MethodSteps(next, method) : next;
        }
    }

    /** Inserts the steps into one method's code. */
    private static final class MethodSteps extends MethodVisitor {

        private final Handlers handlers;
        private final Set<Label> visited = new HashSet<>();
        private final Label entry = new Label();
        /** For each stepped handler, by ordinal: labels just before and just after its step, the hole's ends. */
        private final Map<Integer, Label[]> holes = new HashMap<>();
        private int labels;
        private int tryCatchBlocks;
        private boolean entryHasLine;
        /** The ordinal of the handler whose step goes before the next instruction; -1 when none. */
        private int handlerStepDue = -1;

        MethodSteps(MethodVisitor next, Handlers handlers) {
            super(Opcodes.ASM9, next);
            this.handlers = handlers;
            handlers.steps.stream().forEach(h -> holes.put(h, new Label[] {new Label(), new Label()}));
        }

        private void step() {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, STEP, STEP_DESCRIPTOR, false);
        }

        /** Before every instruction: the step of a handler whose label, line number and frame were just visited. */
        private void beforeInstruction() {
            if (handlerStepDue >= 0) {
                Label[] hole = holes.get(handlerStepDue);
                handlerStepDue = -1;
                super.visitLabel(hole[0]);
                // the handler starts with what it caught on the stack: the budget gets a copy, to weigh it
                super.visitInsn(Opcodes.DUP);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, BUDGET, CAUGHT, CAUGHT_DESCRIPTOR, false);
                super.visitLabel(hole[1]);
            }
        }

        /** Copies an exception table entry, in pieces if it leaves holes around handler steps. */
        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            Label from = start;
            int block = tryCatchBlocks++;
            for (int stepped : handlers.holes.get(block)) {
                Label[] hole = holes.get(stepped);
                // a range that starts at the handler itself has no piece before the hole: the JVM refuses empty ranges
                if (from != start || handlers.starts.get(block) != stepped) {
                    super.visitTryCatchBlock(from, hole[0], handler, type);
                }
                from = hole[1];
            }
            super.visitTryCatchBlock(from, end, handler, type);
        }

        @Override
        public void visitCode() {
            super.visitCode();
            // before the method's first label: a loop that starts at the first instruction jumps back past this step,
            // and no try block's range covers it
            super.visitLabel(entry);
            step();
        }

        @Override
        public void visitLabel(Label label) {
            super.visitLabel(label);
            visited.add(label);
            int ordinal = labels++;
            if (handlers.steps.get(ordinal)) {
                handlerStepDue = ordinal;
            }
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            super.visitLineNumber(line, start);
            if (!entryHasLine) {
                entryHasLine = true;
                super.visitLineNumber(line, entry);
            }
        }

        @Override
        public void visitJumpInsn(int opcode, Label label) {
            beforeInstruction();
            if (visited.contains(label)) {
                step();
            }
            super.visitJumpInsn(opcode, label);
        }

        @Override
        public void visitTableSwitchInsn(int min, int max, Label dflt, Label... targets) {
            beforeInstruction();
            if (jumpsBack(dflt, targets)) {
                step();
            }
            super.visitTableSwitchInsn(min, max, dflt, targets);
        }

        @Override
        public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] targets) {
            beforeInstruction();
            if (jumpsBack(dflt, targets)) {
                step();
            }
            super.visitLookupSwitchInsn(dflt, keys, targets);
        }

        private boolean jumpsBack(Label dflt, Label[] targets) {
            if (visited.contains(dflt)) {
                return true;
            }
            for (Label target : targets) {
                if (visited.contains(target)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public void visitInsn(int opcode) {
            beforeInstruction();
            super.visitInsn(opcode);
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            beforeInstruction();
            super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitVarInsn(int opcode, int varIndex) {
            beforeInstruction();
            super.visitVarInsn(opcode, varIndex);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            beforeInstruction();
            super.visitTypeInsn(opcode, type);
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            beforeInstruction();
            super.visitFieldInsn(opcode, owner, name, descriptor);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            beforeInstruction();
            super.visitMethodInsn(opcode, owner, name, descriptor, isInterface);
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrapMethodHandle,
                Object... bootstrapMethodArguments) {
            beforeInstruction();
            super.visitInvokeDynamicInsn(name, descriptor, bootstrapMethodHandle, bootstrapMethodArguments);
        }

        @Override
        public void visitLdcInsn(Object value) {
            beforeInstruction();
            super.visitLdcInsn(value);
        }

        @Override
        public void visitIincInsn(int varIndex, int increment) {
            beforeInstruction();
            super.visitIincInsn(varIndex, increment);
        }

        @Override
        public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
            beforeInstruction();
            super.visitMultiANewArrayInsn(descriptor, numDimensions);
        }
    }
}
