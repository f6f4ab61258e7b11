package herald.agents;

import herald.providers.SocialProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The agents tests' Sandbox takes first comments, so that an agent's post with one is accepted for it: a first
 * comment is refused when the post is accepted for a platform that takes none, and the Sandbox provider does not take
 * them yet on main (the branch that teaches it to is in flight). Only {@code takesComments} is answered here; writing a
 * comment still goes to the real provider, and once the Sandbox takes comments itself this changes nothing.
 */
@TestConfiguration(proxyBeanMethods = false)
class SandboxTakesComments {

    @Bean
    static BeanPostProcessor sandboxTakesComments() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof SocialProvider provider
                        && provider.id().equals("sandbox")
                        && !provider.takesComments()) {
                    return takingComments(provider);
                }
                return bean;
            }
        };
    }

    private static SocialProvider takingComments(SocialProvider sandbox) {
        return (SocialProvider) Proxy.newProxyInstance(
                SocialProvider.class.getClassLoader(), new Class<?>[] {SocialProvider.class}, (proxy, method, args) -> {
                    if (method.getName().equals("takesComments") && method.getParameterCount() == 0) {
                        return true;
                    }
                    try {
                        return method.invoke(sandbox, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
