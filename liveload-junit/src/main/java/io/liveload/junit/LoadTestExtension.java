package io.liveload.junit;

import io.liveload.core.ConfigurationException;
import io.liveload.core.RunResult;
import io.liveload.core.Vu;
import io.liveload.core.VuScript;
import io.liveload.core.engine.Engine;
import io.liveload.core.engine.RunListener;
import io.liveload.core.plan.BaseUrl;
import io.liveload.core.plan.LoadPlan;
import io.liveload.core.report.SummaryText;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;

/**
 * Runs {@link LoadTest} methods: builds the plan from the annotations and configuration parameters, runs it on
 * the engine with the method body as the iteration, publishes the result and fails the test when a threshold is
 * breached. Registered by {@code @LoadTest} itself. Holds no state; a run's result lives in the test's
 * {@link ExtensionContext.Store}, where {@code @AfterEach} methods can take it as a {@link RunResult} parameter.
 */
public final class LoadTestExtension implements InvocationInterceptor, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LoadTestExtension.class);
    private static final String RESULT_KEY = "result";

    /** Returns the result of the load test of the context, once it ran. */
    public static Optional<RunResult> result(ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(RESULT_KEY, RunResult.class));
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        invocation.skip();
        Method method = invocationContext.getExecutable();
        Object target = invocationContext.getTarget().orElse(null);
        LoadPlan plan = new PlanFactory(extensionContext::getConfigurationParameter,
                System.getProperties().stringPropertyNames())
                .create(extensionContext.getRequiredTestClass(), method, exec -> script(exec, target),
                        () -> codeBaseUrl(extensionContext.getRequiredTestClass(), target));

        RunResult result = Engine.run(plan, listeners(extensionContext));
        extensionContext.getStore(NAMESPACE).put(RESULT_KEY, result);
        ResultPublisher.publish(extensionContext, result);
        if (!result.passed()) {
            throw new AssertionFailedError(FailureMessage.of(result),
                    new RunSummary(SummaryText.render(result, SummaryText.Marks.ASCII)));
        }
    }

    private static List<RunListener> listeners(ExtensionContext context) {
        List<RunListener> listeners = new ArrayList<>();
        return listeners;
    }

    private static VuScript script(Method method, Object target) {
        Class<?>[] parameters = method.getParameterTypes();
        if (parameters.length > 1 || parameters.length == 1 && parameters[0] != Vu.class) {
            throw new ExtensionConfigurationException("Load test method " + method.getName()
                    + " must take one io.liveload.core.Vu parameter or none, not " + List.of(parameters));
        }
        if (!Modifier.isStatic(method.getModifiers()) && target == null) {
            throw new ExtensionConfigurationException("Load test method " + method.getName()
                    + " is an instance method, but there is no test instance to call it on");
        }
        MethodHandle handle;
        try {
            method.setAccessible(true);
            handle = MethodHandles.lookup().unreflect(method);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new ExtensionConfigurationException("Cannot call @LoadTest method " + method.getName() + ": " + e, e);
        }
        if (!Modifier.isStatic(method.getModifiers())) {
            handle = handle.bindTo(target);
        }
        MethodHandle iteration = handle;
        boolean takesVu = parameters.length == 1;
        return vu -> {
            try {
                if (takesVu) {
                    iteration.invoke(vu);
                } else {
                    iteration.invoke();
                }
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        };
    }

    /** Calls the test class's {@link io.liveload.junit.BaseUrl} method, if it has one. */
    private static Optional<URI> codeBaseUrl(Class<?> testClass, Object target) {
        List<Method> methods = new ArrayList<>();
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(io.liveload.junit.BaseUrl.class)) {
                    methods.add(method);
                }
            }
        }
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        if (methods.size() > 1) {
            throw new ExtensionConfigurationException("Only one @BaseUrl method is allowed in " + testClass.getName()
                    + ", found " + methods.stream().map(Method::getName).toList());
        }
        Method method = methods.get(0);
        if (method.getParameterCount() != 0) {
            throw new ExtensionConfigurationException("@BaseUrl method " + method.getName() + " must take no parameters");
        }
        Object value;
        try {
            method.setAccessible(true);
            value = method.invoke(Modifier.isStatic(method.getModifiers()) ? null : target);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ExtensionConfigurationException("@BaseUrl method " + method.getName() + " failed: " + cause, cause);
        }
        if (value == null) {
            throw new ExtensionConfigurationException("@BaseUrl method " + method.getName() + " returned null");
        }
        try {
            return Optional.of(BaseUrl.parse(value.toString()));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage() + " (returned by @BaseUrl method " + method.getName() + ")",
                    e);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        return type == Vu.class && parameterContext.getDeclaringExecutable().isAnnotationPresent(LoadTest.class)
                || type == RunResult.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        if (parameterContext.getParameter().getType() == Vu.class) {
            // JUnit resolves parameters before the interceptor runs; the interceptor skips that invocation and
            // calls the method itself with each VU, so this placeholder is never used.
            return null;
        }
        return result(extensionContext).orElseThrow(() -> new ParameterResolutionException(
                "No load test result yet: a RunResult parameter is only available after the @LoadTest method ran, "
                        + "e.g. in @AfterEach"));
    }
}
