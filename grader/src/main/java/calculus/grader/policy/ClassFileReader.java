package calculus.grader.policy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import calculus.grader.policy.CompiledClass.Kind;
import calculus.grader.policy.CompiledClass.Member;
import calculus.grader.policy.CompiledClass.Use;

/**
 * Reads a class file with ASM into a {@link CompiledClass}: its declarations, and every class and member it names.
 *
 * <p>What is read: the types in instructions ({@code new}, {@code checkcast}, {@code instanceof},
 * {@code anewarray}, {@code multianewarray}), field and method instructions, {@code ldc} of classes, method types,
 * method handles and dynamic constants, {@code invokedynamic} with its bootstrap method and every bootstrap argument,
 * caught exception types, the types in the descriptors of declared fields and methods and of method types, and the
 * {@code throws} clauses. What is not: annotations (they do nothing unless read by reflection, which is refused),
 * generic signatures (erased before anything runs), and the InnerClasses, EnclosingMethod and nest attributes
 * (they name classes without using them, and the JVM checks the nest attributes against the other class itself).
 */
final class ClassFileReader {

    /** The ASM API level: that of ASM 9, which reads class files up to the newest JDK's. */
    private static final int API = Opcodes.ASM9;
    private static final String ARRAY_CLONE = "clone";
    private static final String OBJECT = "java.lang.Object";

    private ClassFileReader() {
    }

    /**
     * Reads one class file.
     *
     * @param bytes the class file
     * @return what it declares and uses
     * @throws IllegalArgumentException when the bytes are not a class file ASM can read
     */
    static CompiledClass read(byte[] bytes) {
        Collector collector = new Collector();
        try {
            new ClassReader(bytes).accept(collector, ClassReader.SKIP_FRAMES);
        } catch (RuntimeException e) {
            // ASM reports a malformed class file with whatever exception the bad offset causes
            throw new IllegalArgumentException("not a class file the JVM would load (" + e + ")", e);
        }
        return collector.result();
    }

    /** The binary name ({@code java.util.Map$Entry}) of an internal name ({@code java/util/Map$Entry}). */
    static String binaryName(String internalName) {
        return internalName.replace('/', '.');
    }

    /** Collects the uses of one class; a class or array type, or a primitive (named by nothing). */
    private static final class Uses {
        final List<Use> all = new ArrayList<>();

        void type(Type type, int line) {
            Type t = type.getSort() == Type.ARRAY ? type.getElementType() : type;
            if (t.getSort() == Type.OBJECT) {
                all.add(new Use(Kind.TYPE, binaryName(t.getInternalName()), "", "", line));
            } else if (t.getSort() == Type.METHOD) {
                descriptor(t.getDescriptor(), line);
            }
        }

        /** An internal name or an array descriptor, as instructions give them. */
        void type(String internalNameOrArray, int line) {
            type(Type.getObjectType(internalNameOrArray), line);
        }

        /** Every class in a field or method descriptor. */
        void descriptor(String descriptor, int line) {
            Type t = Type.getType(descriptor);
            if (t.getSort() == Type.METHOD) {
                for (Type argument : t.getArgumentTypes()) {
                    type(argument, line);
                }
                type(t.getReturnType(), line);
            } else {
                type(t, line);
            }
        }

        void member(String owner, String name, String descriptor, boolean field, int line) {
            if (owner.startsWith("[")) {
                // an array's methods are Object's, but for its own public clone()
                type(owner, line);
                if (!field && !name.equals(ARRAY_CLONE)) {
                    all.add(new Use(Kind.METHOD, OBJECT, name, descriptor, line));
                }
                return;
            }
            all.add(new Use(field ? Kind.FIELD : Kind.METHOD, binaryName(owner), name, descriptor, line));
        }

        void handle(Handle h, int line) {
            boolean field = h.getTag() <= Opcodes.H_PUTSTATIC; // H_GETFIELD..H_PUTSTATIC are 1..4
            member(h.getOwner(), h.getName(), h.getDesc(), field, line);
        }

        void bootstrap(Handle bootstrap, Object[] arguments, int line) {
            all.add(new Use(Kind.BOOTSTRAP, binaryName(bootstrap.getOwner()), bootstrap.getName(),
                bootstrap.getDesc(), line));
            for (Object a : arguments) {
                constant(a, line);
            }
        }

        /** A loadable constant: an ldc operand or a bootstrap argument. Numbers and strings name nothing. */
        void constant(Object value, int line) {
            if (value instanceof Type t) {
                type(t, line);
            } else if (value instanceof Handle h) {
                handle(h, line);
            } else if (value instanceof ConstantDynamic c) {
                descriptor(c.getDescriptor(), line);
                Object[] arguments = new Object[c.getBootstrapMethodArgumentCount()];
                for (int i = 0; i < arguments.length; i++) {
                    arguments[i] = c.getBootstrapMethodArgument(i);
                }
                bootstrap(c.getBootstrapMethod(), arguments, line);
            }
        }
    }

    /** The class visitor: declarations here, code in {@link CodeCollector}. */
    private static final class Collector extends ClassVisitor {
        private final Uses uses = new Uses();
        private final List<Member> fields = new ArrayList<>();
        private final List<Member> methods = new ArrayList<>();
        private String name = "";
        private int access;
        private String superName = "";
        private List<String> interfaces = List.of();
        private String sourceFile = "";

        Collector() {
            super(API);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                          String[] interfaces) {
            this.name = binaryName(name);
            this.access = access;
            this.superName = superName == null ? "" : binaryName(superName);
            this.interfaces = interfaces == null ? List.of()
                : List.of(interfaces).stream().map(ClassFileReader::binaryName).toList();
        }

        @Override
        public void visitSource(String source, String debug) {
            sourceFile = source == null ? "" : source;
        }

        @Override
        public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
            fields.add(new Member(name, descriptor, access, 0));
            uses.descriptor(descriptor, 0);
            return null;
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                         String[] exceptions) {
            return new CodeCollector(uses, methods::add, access, name, descriptor,
                exceptions == null ? List.of() : List.of(exceptions));
        }

        CompiledClass result() {
            return new CompiledClass(name, access, superName, interfaces, sourceFile, List.copyOf(fields),
                List.copyOf(methods), List.copyOf(uses.all));
        }
    }

    /** The method visitor: the uses in one method's code, each with its source line. */
    private static final class CodeCollector extends MethodVisitor {
        private final Uses uses;
        private final Consumer<Member> declare;
        private final int access;
        private final String name;
        private final String descriptor;
        private final List<String> exceptions;
        /** Caught types, by handler label, until the handler's line is known. */
        private final Map<Label, List<String>> catches = new HashMap<>();
        private final List<String> awaitingLine = new ArrayList<>();
        private int line;
        private int firstLine;

        CodeCollector(Uses uses, Consumer<Member> declare, int access, String name,
                      String descriptor, List<String> exceptions) {
            super(API);
            this.uses = uses;
            this.declare = declare;
            this.access = access;
            this.name = name;
            this.descriptor = descriptor;
            this.exceptions = exceptions;
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null) { // null: a finally block, which catches anything without naming it
                catches.computeIfAbsent(handler, k -> new ArrayList<>()).add(type);
            }
        }

        @Override
        public void visitLabel(Label label) {
            List<String> caught = catches.remove(label);
            if (caught != null) {
                awaitingLine.addAll(caught);
            }
        }

        @Override
        public void visitLineNumber(int number, Label start) {
            line = number;
            if (firstLine == 0) {
                firstLine = number;
            }
            here();
        }

        /** The line of an instruction; a handler's caught types take the line of its first instruction. */
        private int here() {
            for (String type : awaitingLine) {
                uses.type(type, line);
            }
            awaitingLine.clear();
            return line;
        }

        // a handler starts with a store (or a pop) of the exception: that is where its caught types take their line
        @Override
        public void visitVarInsn(int opcode, int variable) {
            here();
        }

        @Override
        public void visitInsn(int opcode) {
            here();
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            uses.type(type, here());
        }

        @Override
        public void visitMultiANewArrayInsn(String arrayDescriptor, int dimensions) {
            uses.type(Type.getType(arrayDescriptor), here());
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            uses.member(owner, name, descriptor, true, here());
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            uses.member(owner, name, descriptor, false, here());
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            int at = here();
            uses.descriptor(descriptor, at);
            uses.bootstrap(bootstrap, arguments, at);
        }

        @Override
        public void visitLdcInsn(Object value) {
            uses.constant(value, here());
        }

        @Override
        public void visitEnd() {
            here();
            uses.descriptor(descriptor, firstLine);
            for (String thrown : exceptions) {
                uses.type(thrown, firstLine);
            }
            declare.accept(new Member(name, descriptor, access, firstLine));
        }
    }
}
