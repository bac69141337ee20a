package io.cardflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CardflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(CardflowApplication.class, args);
    }
}
