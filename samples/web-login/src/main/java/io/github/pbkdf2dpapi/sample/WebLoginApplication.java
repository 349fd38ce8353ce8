package io.github.pbkdf2dpapi.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The reference application: form login whose passwords are stored by the pbkdf2-dpapi starter.
 */
@SpringBootApplication
public class WebLoginApplication {

	public static void main(String[] args) {
		SpringApplication.run(WebLoginApplication.class, args);
	}

}
