package org.citylinks.common;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import org.citylinks.api.ChangesApi;
import org.citylinks.api.CitiesApi;
import org.citylinks.api.ConferencesApi;
import org.citylinks.api.PartnershipsApi;
import org.citylinks.api.ProposalsApi;
import org.citylinks.api.SearchApi;
import org.citylinks.api.VisitsApi;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The methods each path of the API takes and the media types each operation's body may have, read
 * from the interfaces generated from the contract: for the {@code Allow} header of a 405 (RFC 9110
 * 15.5.6) and the detail of a 415. Quarkus REST refuses both without saying what the path does take.
 */
@RegisterForReflection(targets = { CitiesApi.class, VisitsApi.class, ConferencesApi.class, ProposalsApi.class,
        PartnershipsApi.class, SearchApi.class, ChangesApi.class }, methods = true)
public final class ApiRoutes {

    private record Route(Pattern path, int literalLength, java.util.Map<String, List<String>> consumesByMethod,
            java.util.Map<String, List<String>> producesByMethod, java.util.Map<String, String> operationByMethod) {
        Set<String> methods() {
            return consumesByMethod.keySet();
        }
    }

    private static final List<Route> ROUTES = routes(List.of(CitiesApi.class, VisitsApi.class, ConferencesApi.class,
            ProposalsApi.class, PartnershipsApi.class, SearchApi.class, ChangesApi.class));

    private ApiRoutes() {
    }

    /**
     * The methods of the route that serves {@code path}, the one with the most literal text first
     * (as JAX-RS picks {@code /v1/cities/import} over {@code /v1/cities/{cityId}}); empty when no
     * route of the API matches.
     */
    public static Set<String> methods(String path) {
        return route(path).map(Route::methods).orElse(Set.of());
    }

    /** The media types the body of {@code method} on {@code path} may have; empty when it takes none. */
    public static List<String> consumes(String path, String method) {
        return route(path).map(route -> route.consumesByMethod().getOrDefault(method, List.of())).orElse(List.of());
    }

    /** The media types {@code method} on {@code path} answers with, problems included; empty when unknown. */
    public static List<String> produces(String path, String method) {
        return route(path).map(route -> route.producesByMethod().getOrDefault(method, List.of())).orElse(List.of());
    }

    /** The contract's operation id (the generated method's name) of {@code method} on {@code path}. */
    public static java.util.Optional<String> operation(String path, String method) {
        return route(path).map(route -> route.operationByMethod().get(method));
    }

    /** The path patterns of the routes that serve any of these operation ids. */
    public static List<Pattern> pathsOf(Set<String> operations) {
        return ROUTES.stream().filter(route -> route.operationByMethod().values().stream().anyMatch(operations::contains))
                .map(Route::path).toList();
    }

    private static java.util.Optional<Route> route(String path) {
        return ROUTES.stream().filter(route -> route.path().matcher(path).matches())
                .max(Comparator.comparingInt(Route::literalLength));
    }

    private static List<Route> routes(List<Class<?>> apis) {
        java.util.Map<String, java.util.Map<String, List<String>>> methodsByTemplate = new java.util.TreeMap<>();
        java.util.Map<String, java.util.Map<String, List<String>>> producesByTemplate = new java.util.TreeMap<>();
        java.util.Map<String, java.util.Map<String, String>> operationsByTemplate = new java.util.TreeMap<>();
        for (Class<?> api : apis) {
            String base = api.getAnnotation(Path.class).value();
            for (Method method : api.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                String template = sub == null ? base : base + (sub.value().startsWith("/") ? "" : "/") + sub.value();
                jakarta.ws.rs.Consumes consumes = method.getAnnotation(jakarta.ws.rs.Consumes.class);
                methodsByTemplate.computeIfAbsent(template, t -> new java.util.TreeMap<>())
                        .put(verb, consumes == null ? List.of() : List.of(consumes.value()));
                operationsByTemplate.computeIfAbsent(template, t -> new java.util.TreeMap<>()).put(verb, method.getName());
                jakarta.ws.rs.Produces produces = method.getAnnotation(jakarta.ws.rs.Produces.class);
                producesByTemplate.computeIfAbsent(template, t -> new java.util.TreeMap<>())
                        .put(verb, produces == null ? List.of() : List.of(produces.value()));
            }
        }
        List<Route> routes = new ArrayList<>();
        methodsByTemplate.forEach((template, methods) -> {
            String literal = template.replaceAll("\\{[^}]+}", "");
            String regex = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            routes.add(new Route(Pattern.compile(regex + "/?"), literal.length(),
                    java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(methods)),
                    java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(producesByTemplate.get(template))),
                    java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(operationsByTemplate.get(template)))));
        });
        return List.copyOf(routes);
    }

    private static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }
}
