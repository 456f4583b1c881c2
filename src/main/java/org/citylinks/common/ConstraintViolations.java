package org.citylinks.common;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * Names each Bean Validation violation the way the client wrote the request: a JSON Pointer into
 * the body ({@code /memberships/0/field}) or the query, path or header parameter ({@code limit}),
 * never the Java method or parameter ({@code createCity.arg0.name}).
 */
public final class ConstraintViolations {

    /** Where in a request a violation sits. */
    public enum Location { BODY, PARAMETER, IF_MATCH }

    /** One violation, named for the client. */
    public record Located(Location location, Problem.FieldError error) {
    }

    private ConstraintViolations() {
    }

    /** Violations of a validated request, whose property paths start at a resource method. */
    public static List<Located> ofRequest(Set<? extends ConstraintViolation<?>> violations) {
        List<Located> located = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            located.add(locate(violation));
        }
        located.sort(Comparator.comparing(l -> String.valueOf(l.error().pointer()) + l.error().parameter()));
        return located;
    }

    /** Violations of a body object validated on its own: every path is a pointer from the body's root. */
    public static List<Problem.FieldError> ofBody(Set<? extends ConstraintViolation<?>> violations) {
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : violations) {
            errors.add(Problem.FieldError.atPointer(pointer(nodesAfter(violation.getPropertyPath(), 0), violation),
                    ConstraintMessages.of(violation)));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::pointer));
        return errors;
    }

    private static Located locate(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = new ArrayList<>();
        violation.getPropertyPath().forEach(nodes::add);
        int parameterAt = -1;
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).getKind() == ElementKind.PARAMETER) {
                parameterAt = i;
                break;
            }
        }
        if (parameterAt < 0) {
            return new Located(Location.BODY, Problem.FieldError.atPointer("", ConstraintMessages.of(violation)));
        }
        Optional<String> httpParameter = httpParameterName(violation, nodes, parameterAt);
        if (httpParameter.isPresent()) {
            String name = httpParameter.get();
            Location location = "If-Match".equalsIgnoreCase(name) && isMissing(violation)
                    ? Location.IF_MATCH : Location.PARAMETER;
            String message = ConstraintMessages.of(violation);
            if (isMissing(violation)) {
                message = "is required and must not be empty";
            }
            return new Located(location, Problem.FieldError.atParameter(name, message));
        }
        return new Located(Location.BODY, Problem.FieldError.atPointer(
                pointer(nodes.subList(parameterAt + 1, nodes.size()), violation), ConstraintMessages.of(violation)));
    }

    private static boolean isMissing(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation() instanceof jakarta.validation.constraints.NotNull;
    }

    private static List<Path.Node> nodesAfter(Path path, int skip) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        return nodes.subList(Math.min(skip, nodes.size()), nodes.size());
    }

    private static String pointer(List<Path.Node> nodes, ConstraintViolation<?> violation) {
        StringBuilder pointer = new StringBuilder();
        Object container = null;
        for (Path.Node node : nodes) {
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                if (position == null && container instanceof Iterable<?> items) {
                    // A set (a list with uniqueItems) has no index of its own: the item's place in
                    // the order the client sent, which a LinkedHashSet keeps.
                    position = indexOf(items, violation.getInvalidValue());
                }
                pointer.append('/').append(escape(String.valueOf(position)));
            }
            container = node instanceof org.hibernate.validator.path.PropertyNode property ? property.getValue()
                    : node instanceof org.hibernate.validator.path.ContainerElementNode element ? element.getValue() : null;
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                // The generated models keep the contract's JSON names as Java property names.
                pointer.append('/').append(escape(node.getName()));
            }
        }
        return pointer.toString();
    }

    private static int indexOf(Iterable<?> items, Object value) {
        int index = 0;
        for (Object item : items) {
            if (java.util.Objects.equals(item, value)) {
                return index;
            }
            index++;
        }
        return -1;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }

    /** The @QueryParam, @PathParam or @HeaderParam name of the violated method parameter, if it is one. */
    private static Optional<String> httpParameterName(ConstraintViolation<?> violation, List<Path.Node> nodes,
            int parameterAt) {
        if (parameterAt == 0 || nodes.get(parameterAt - 1).getKind() != ElementKind.METHOD) {
            return Optional.empty();
        }
        Path.MethodNode methodNode = nodes.get(parameterAt - 1).as(Path.MethodNode.class);
        int index = nodes.get(parameterAt).as(Path.ParameterNode.class).getParameterIndex();
        Class<?>[] types = methodNode.getParameterTypes().toArray(Class<?>[]::new);
        for (Method method : declarations(violation.getRootBeanClass(), methodNode.getName(), types)) {
            for (Annotation annotation : method.getParameterAnnotations()[index]) {
                if (annotation instanceof QueryParam query) {
                    return Optional.of(query.value());
                }
                if (annotation instanceof PathParam path) {
                    return Optional.of(path.value());
                }
                if (annotation instanceof HeaderParam header) {
                    return Optional.of(header.value());
                }
            }
        }
        return Optional.empty();
    }

    /** The method and the interface methods it implements, where the JAX-RS annotations live. */
    private static List<Method> declarations(Class<?> type, String name, Class<?>[] parameterTypes) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> current = type; current != null && current != Object.class; current = current.getSuperclass()) {
            addIfPresent(methods, current, name, parameterTypes);
            for (Class<?> contract : current.getInterfaces()) {
                addIfPresent(methods, contract, name, parameterTypes);
            }
        }
        return methods;
    }

    private static void addIfPresent(List<Method> methods, Class<?> type, String name, Class<?>[] parameterTypes) {
        try {
            methods.add(type.getDeclaredMethod(name, parameterTypes));
        } catch (NoSuchMethodException e) {
            // not declared here
        }
    }
}
