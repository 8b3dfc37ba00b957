import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints one line per contract check from the failsafe XML reports: PASS, FAIL with the first line
 * of the failure, or SKIPPED with the reason the check gave (a JUnit assumption). Exits 1 when a
 * check failed or none ran. Usage: java scripts/lib/ContractReport.java target/failsafe-reports
 */
public class ContractReport {

  public static void main(String[] args) throws Exception {
    File[] reports = new File(args[0]).listFiles((dir, name) ->
        name.startsWith("TEST-") && name.endsWith(".xml"));
    if (reports == null || reports.length == 0) {
      System.out.println("FAIL the contract checks: no report in " + args[0]);
      System.exit(1);
    }
    Arrays.sort(reports);
    List<String> failed = new ArrayList<>();
    int checks = 0;
    for (File report : reports) {
      NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report)
          .getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element check = (Element) cases.item(i);
        String name = check.getAttribute("name");
        checks++;
        String problem = firstLine(check, "failure", "error");
        String skipped = firstLine(check, "skipped");
        if (problem != null) {
          failed.add(name);
          System.out.println("FAIL " + name + ": " + problem);
        } else if (skipped != null) {
          System.out.println("SKIPPED " + name + ": " + skipped.replaceFirst(".*Assumption failed: ", ""));
        } else {
          System.out.println("PASS " + name);
        }
      }
    }
    System.exit(failed.isEmpty() && checks > 0 ? 0 : 1);
  }

  /** The start of the message of the first of these child elements, or null if none. */
  private static String firstLine(Element check, String... tags) {
    for (String tag : tags) {
      NodeList found = check.getElementsByTagName(tag);
      if (found.getLength() > 0) {
        Element element = (Element) found.item(0);
        String text = element.getAttribute("message").isBlank()
            ? element.getTextContent() : element.getAttribute("message");
        String summary = String.join(" ", text.strip().lines().map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("at ")).limit(4).toList());
        return summary.isEmpty() ? tag
            : summary.length() > 300 ? summary.substring(0, 300) + "..." : summary;
      }
    }
    return null;
  }
}
