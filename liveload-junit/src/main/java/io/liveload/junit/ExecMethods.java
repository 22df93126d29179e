package io.liveload.junit;

import io.liveload.core.ConfigurationException;
import io.liveload.core.Vu;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

/** Finds the method that a {@link Scenario} names as its {@code exec}. */
final class ExecMethods {

    private ExecMethods() {
    }

    /**
     * Returns the method of the test class (or a superclass) with the scenario's {@code exec} name that takes one
     * {@link Vu} parameter or none.
     *
     * @throws ConfigurationException when there is no such method, or more than one
     */
    static Method find(Class<?> testClass, Scenario scenario) {
        List<Method> named = new ArrayList<>();
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.getName().equals(scenario.exec()) && takesVuOrNothing(method)
                        && named.stream().noneMatch(found -> overrides(found, method))) {
                    named.add(method);
                }
            }
        }
        if (named.isEmpty()) {
            throw new ConfigurationException("@Scenario \"" + scenario.name() + "\" names exec = \"" + scenario.exec()
                    + "\", but " + testClass.getName() + " has no method of that name that takes one Vu parameter"
                    + " or none");
        }
        if (named.size() > 1) {
            throw new ConfigurationException("@Scenario \"" + scenario.name() + "\" names exec = \"" + scenario.exec()
                    + "\", which matches " + named.size() + " methods of " + testClass.getName()
                    + ": keep one method of that name, taking one Vu parameter or none");
        }
        return named.get(0);
    }

    private static boolean takesVuOrNothing(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        return parameters.length == 0 || parameters.length == 1 && parameters[0] == Vu.class;
    }

    /** Returns whether {@code subclassMethod} overrides {@code method}: the same name and parameters. */
    private static boolean overrides(Method subclassMethod, Method method) {
        return java.util.Arrays.equals(subclassMethod.getParameterTypes(), method.getParameterTypes());
    }
}
