package dev.meshplay.gitops.perf.profile;

import java.text.ParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * A standard 5-field cron ({@code minute hour day-of-month month day-of-week}, UTC), and its Quartz
 * form. Quartz adds a seconds field, numbers weekdays 1 (Sunday) to 7 instead of 0 to 6, and wants
 * {@code ?} in whichever day field is unrestricted.
 *
 * @param expression the cron as written in the profile
 */
public record CronSchedule(String expression) {

  private static final Map<String, String> MACROS =
      Map.of(
          "@yearly", "0 0 1 1 *",
          "@annually", "0 0 1 1 *",
          "@monthly", "0 0 1 * *",
          "@weekly", "0 0 * * 0",
          "@daily", "0 0 * * *",
          "@midnight", "0 0 * * *",
          "@hourly", "0 * * * *");

  private static final String[] DAY_NAMES = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
  private static final Pattern NUMBER_NOT_STEP = Pattern.compile("(?<![/0-9])([0-7])(?![0-9])");

  /**
   * Validates a cron at once, so a profile with a bad schedule is rejected at its line.
   *
   * @throws IllegalArgumentException naming the problem
   */
  public CronSchedule {
    toQuartz(expression);
  }

  /** The Quartz expression (seconds first), for a {@code CronTrigger}. */
  public String quartzExpression() {
    return toQuartz(expression);
  }

  private static String toQuartz(String cron) {
    String text = MACROS.getOrDefault(cron.trim(), cron.trim());
    String[] all = text.split("\\s+");
    if (all.length != 5 && all.length != 6) {
      throw new IllegalArgumentException(
          "schedule '"
              + cron
              + "' must have 5 fields: minute hour day-of-month month day-of-week"
              + " (or 6, with seconds first)");
    }
    // Six fields put seconds first (as Quartz and Spring write them): short test schedules.
    String seconds = all.length == 6 ? all[0] : "0";
    String[] f = all.length == 6 ? java.util.Arrays.copyOfRange(all, 1, 6) : all;
    String dom = f[2];
    String dow = weekdaysByName(f[4]);
    boolean anyDom = dom.equals("*") || dom.equals("?");
    boolean anyDow = dow.equals("*") || dow.equals("?");
    if (!anyDom && !anyDow) {
      throw new IllegalArgumentException(
          "schedule '"
              + cron
              + "' restricts both day-of-month and day-of-week; Quartz cannot"
              + " combine them: set one of the two to *");
    }
    if (anyDow) {
      dow = "?";
    } else {
      dom = "?";
    }
    if (text.matches(".*/0+(\\s.*|$)")) {
      // Quartz reads a step of 0 as "every unit"; cron refuses it, and so do we.
      throw new IllegalArgumentException("schedule '" + cron + "' has a step of 0");
    }
    String quartz = String.join(" ", seconds, f[0], f[1], dom, f[3], dow);
    try {
      new CronExpression(quartz);
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "schedule '" + cron + "' is not a valid cron: " + e.getMessage(), e);
    }
    return quartz;
  }

  // Names mean the same to cron and Quartz while the numbers differ; steps stay numeric.
  private static String weekdaysByName(String field) {
    Matcher m = NUMBER_NOT_STEP.matcher(field);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, DAY_NAMES[Integer.parseInt(m.group(1)) % 7]);
    }
    m.appendTail(out);
    return out.toString();
  }
}
