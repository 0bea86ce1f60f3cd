package dev.meshplay.gitops.reconciler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's headless Chromium driven through the system chromedriver (Debian packages {@code
 * chromium} and {@code chromium-driver}); nothing is downloaded.
 */
final class Browser implements AutoCloseable {
  private final ChromeDriver driver;

  private Browser(ChromeDriver driver) {
    this.driver = driver;
  }

  /** The executables, or empty when either is not installed (the browser tests then skip). */
  static Optional<Path[]> installed() {
    Optional<Path> chromium = onPath("chromium").or(() -> onPath("chromium-browser"));
    Optional<Path> driver = onPath("chromedriver");
    return chromium.isPresent() && driver.isPresent()
        ? Optional.of(new Path[] {chromium.get(), driver.get()})
        : Optional.empty();
  }

  static Browser start(Path[] executables, Path profile) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(executables[0].toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-sync",
        "--window-size=1280,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(executables[1].toFile())
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options));
  }

  ChromeDriver driver() {
    return driver;
  }

  void screenshot(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file, e);
    }
  }

  /** Just one element, scrolled into view: for a part of a page below the fold. */
  void screenshot(org.openqa.selenium.WebElement element, Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, element.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot save " + file, e);
    }
  }

  private static Optional<Path> onPath(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.of(path.split(java.io.File.pathSeparator))
        .map(dir -> Path.of(dir, name))
        .filter(Files::isExecutable)
        .findFirst();
  }

  @Override
  public void close() {
    driver.quit();
  }
}
