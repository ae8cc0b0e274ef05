package org.recert.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;

/**
 * Reads the settings a module declares in Java: every leaf of its {@code @ConfigMapping} interfaces (a map key is a
 * wildcard segment) and every {@code @ConfigProperty(name = ...)}. Source, not classes, so no build is needed first.
 */
final class ConfigMappingScanner {

    /** A segment that stands for any map key. */
    static final String ANY_KEY = "*";

    private ConfigMappingScanner() {
    }

    /** Each setting as its segments, e.g. [recert, gateway, services, catalog, url]. */
    static List<List<String>> settings(Path sourceRoot) {
        List<List<String>> settings = new ArrayList<>();
        if (!Files.isDirectory(sourceRoot)) {
            return settings;
        }
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                CompilationUnit unit = StaticJavaParser.parse(file);
                Map<String, ClassOrInterfaceDeclaration> interfaces = new HashMap<>();
                unit.findAll(ClassOrInterfaceDeclaration.class).stream()
                        .filter(ClassOrInterfaceDeclaration::isInterface)
                        .forEach(i -> interfaces.put(i.getNameAsString(), i));
                for (ClassOrInterfaceDeclaration mapping : interfaces.values()) {
                    mapping.getAnnotationByName("ConfigMapping").flatMap(a -> member(a, "prefix")).ifPresent(prefix ->
                            walk(mapping, List.of(prefix.split("\\.")), interfaces, settings));
                }
                unit.findAll(AnnotationExpr.class).stream()
                        .filter(a -> a.getNameAsString().equals("ConfigProperty"))
                        .forEach(a -> member(a, "name").ifPresent(name -> settings.add(List.of(name.split("\\.")))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    private static void walk(ClassOrInterfaceDeclaration group, List<String> path,
            Map<String, ClassOrInterfaceDeclaration> interfaces, List<List<String>> settings) {
        for (ClassOrInterfaceType parent : group.getExtendedTypes()) {
            ClassOrInterfaceDeclaration inherited = interfaces.get(parent.getNameAsString());
            if (inherited != null) {
                walk(inherited, path, interfaces, settings);
            }
        }
        for (MethodDeclaration method : group.getMethods()) {
            if (method.isStatic() || method.isDefault() || method.getBody().isPresent()
                    || !method.getParameters().isEmpty()) {
                continue;
            }
            List<String> here = new ArrayList<>(path);
            if (method.getAnnotationByName("WithParentName").isEmpty()) {
                here.add(method.getAnnotationByName("WithName").flatMap(a -> member(a, "value"))
                        .orElse(kebab(method.getNameAsString())));
            }
            Type type = unwrapOptional(method.getType());
            if (isNamed(type, "Map")) {
                here.add(ANY_KEY);
                type = typeArgument(type, 1).map(ConfigMappingScanner::unwrapOptional).orElse(type);
            }
            ClassOrInterfaceDeclaration nested = type.isClassOrInterfaceType()
                    ? interfaces.get(type.asClassOrInterfaceType().getNameAsString())
                    : null;
            if (nested != null) {
                walk(nested, here, interfaces, settings);
            } else {
                settings.add(here);
            }
        }
    }

    private static Type unwrapOptional(Type type) {
        return isNamed(type, "Optional") ? typeArgument(type, 0).orElse(type) : type;
    }

    private static boolean isNamed(Type type, String name) {
        return type.isClassOrInterfaceType() && type.asClassOrInterfaceType().getNameAsString().equals(name);
    }

    private static Optional<Type> typeArgument(Type type, int index) {
        return type.asClassOrInterfaceType().getTypeArguments()
                .filter(arguments -> arguments.size() > index)
                .map(arguments -> arguments.get(index));
    }

    private static Optional<String> member(AnnotationExpr annotation, String name) {
        if (annotation instanceof SingleMemberAnnotationExpr single && name.equals("value")
                && single.getMemberValue() instanceof StringLiteralExpr literal) {
            return Optional.of(literal.asString());
        }
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(name) && pair.getValue() instanceof StringLiteralExpr literal) {
                    return Optional.of(literal.asString());
                }
            }
        }
        return Optional.empty();
    }

    /** SmallRye Config's default naming: maxBackoff becomes max-backoff. */
    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                if (!out.isEmpty()) {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
