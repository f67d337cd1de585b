package io.stancestream.streams.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.stancestream.broker.EmbeddedKafka;
import io.stancestream.events.Article;
import io.stancestream.events.StanceStreamConfig;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * End to end in a real browser: headless Debian Chromium opens the dashboard, then the two seeds
 * are replayed through the embedded broker and the real topology; the page must show both with
 * AGAINST badges and a strong-stance alert arriving live over SSE. Saves {@code
 * target/dashboard.png}. Skipped when {@code /usr/bin/chromium} or {@code /usr/bin/chromedriver} is
 * missing (Debian packages {@code chromium} and {@code chromium-driver}).
 */
@Tag("integration")
class DashboardBrowserIT {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @TempDir Path tmp;

  @Test
  void showsTheSeedsAgainstAndAnAlertArrivingLive() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed at " + CHROMIUM);
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "chromedriver not installed at " + CHROMEDRIVER);
    try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
      StanceStreamConfig cfg =
          LiveStack.config(
              kafka,
              tmp.resolve("state"),
              2,
              Map.of(
                  // The seeds argue against with moderate scores: lower the bar so they alert.
                  "alert.strong-stance.min-abs-score", "0.1",
                  "alert.strong-stance.min-confidence", "0.1"));
      try (LiveStack stack = LiveStack.serve(cfg).startApp()) {
        WebDriver browser = chromium(tmp.resolve("profile"));
        try {
          browser.get(stack.server.url());
          await()
              .atMost(Duration.ofSeconds(30))
              .until(
                  () ->
                      "true"
                              .equals(
                                  browser
                                      .findElement(By.tagName("body"))
                                      .getDomAttribute("data-loaded"))
                          && browser.findElement(By.id("live")).getText().equals("live"));
          assertThat(stack.server.streamClients()).isGreaterThanOrEqualTo(1);
          assertThat(browser.findElements(By.cssSelector("#articles li"))).isEmpty();
          assertThat(browser.findElements(By.cssSelector("#alerts li"))).isEmpty();

          Instant published = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(600);
          List<Article> seeds = LiveStack.seeds(published);
          stack.publish(seeds);

          await()
              .atMost(Duration.ofSeconds(60))
              .untilAsserted(
                  () -> {
                    for (Article seed : seeds) {
                      List<WebElement> cards =
                          browser.findElements(
                              By.cssSelector("li.article-card[data-id=\"" + seed.id() + "\"]"));
                      assertThat(cards).as("card of %s", seed.id()).hasSize(1);
                      WebElement card = cards.get(0);
                      assertThat(card.findElement(By.className("badge")).getText())
                          .isEqualTo("AGAINST");
                      assertThat(card.findElements(By.cssSelector(".evidence .ev"))).isNotEmpty();
                      assertThat(card.findElement(By.cssSelector(".evidence")).getText())
                          .contains("AUTHOR");
                    }
                  });
          await()
              .atMost(Duration.ofSeconds(60))
              .untilAsserted(
                  () -> {
                    List<WebElement> alerts =
                        browser.findElements(
                            By.cssSelector(
                                "#alerts li.alert-item.fresh[data-rule=\"strong-stance\"]"));
                    assertThat(alerts).isNotEmpty();
                    assertThat(alerts.get(0).getText()).containsIgnoringCase("strong stance");
                  });
          // Charts drawn from the live data: trend points and topic bars are canvases in ECharts.
          await()
              .atMost(Duration.ofSeconds(30))
              .untilAsserted(
                  () -> {
                    assertThat(browser.findElements(By.cssSelector("#trend-chart canvas")))
                        .isNotEmpty();
                    assertThat(browser.findElements(By.cssSelector("#topics-chart canvas")))
                        .isNotEmpty();
                    assertThat(browser.findElement(By.id("total-AGAINST")).getText())
                        .isEqualTo("2");
                  });
          screenshot(browser);
        } finally {
          browser.quit();
        }
      }
    }
  }

  private static WebDriver chromium(Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-dev-shm-usage",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    WebDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1440, 1400));
    return driver;
  }

  private static void screenshot(WebDriver browser) throws Exception {
    // Let the charts' entry animation finish before the picture.
    await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> true);
    File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
    Path target = Path.of("target", "dashboard.png");
    Files.createDirectories(target.getParent());
    Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
  }
}
