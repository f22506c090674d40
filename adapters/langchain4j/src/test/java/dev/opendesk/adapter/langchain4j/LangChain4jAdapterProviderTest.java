package dev.opendesk.adapter.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opendesk.spi.AdapterProvider;
import dev.opendesk.spi.HostPlatform;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

final class LangChain4jAdapterProviderTest {
    @Test
    void isFoundThroughServiceLoaderAndSaysItIsNotBuiltYet() {
        AdapterProvider provider = ServiceLoader.load(AdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.id().equals("langchain4j"))
                .findFirst()
                .orElseThrow();
        assertThat(provider).isInstanceOf(LangChain4jAdapterProvider.class);
        assertThat(provider.supports(HostPlatform.current()).supported()).isFalse();
        assertThat(provider.supports(HostPlatform.current()).reason()).isEqualTo("not implemented yet");
    }
}
