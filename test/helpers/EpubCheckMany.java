// EPUBCheck on several EPUBs in one JVM (test/helpers/java.ts runs it with `java`'s source launcher): the
// command line takes one EPUB per run, and a run is mostly the JVM starting and EPUBCheck compiling its
// schemas, which it then keeps for the next file. Each EPUB gets the same checker, options and JSON report
// file as `java -jar epubcheck.jar <epub> --json <report>`; the exit code it would have is printed per file.
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckMany {
  public static void main(String[] args) {
    for (int i = 0; i + 1 < args.length; i += 2) {
      int status = new EpubChecker().run(new String[] {args[i], "--json", args[i + 1]});
      System.out.println("status " + status + " " + args[i + 1]);
    }
  }
}
