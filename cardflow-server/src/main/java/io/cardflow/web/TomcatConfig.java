package io.cardflow.web;

import io.cardflow.web.ConnectorProblemValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class TomcatConfig {

    /** Even what Tomcat refuses on its own is answered as a problem (application/problem+json), never an HTML page. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> connectorProblems(JsonMapper jsonMapper) {
        return factory -> factory.addEngineValves(new ConnectorProblemValve(jsonMapper));
    }
}
