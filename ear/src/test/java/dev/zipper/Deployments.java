package dev.zipper;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the in-container suite deploys: the EAR the build produced, with the test classes (and the jars
 * they use) added to its web module. Payara Micro runs WARs only, so there the same modules are laid
 * out as one WAR: the EJB module and the EAR's libraries go to WEB-INF/lib, the EJB module's descriptor
 * to WEB-INF.
 */
public final class Deployments {

    private static final String WEB_MODULE = "zipper-web.war";
    private static final String EJB_MODULE = "zipper-commands.jar";

    private Deployments() {
    }

    public static Archive<?> withTests(Class<?>... testClasses) {
        EnterpriseArchive ear = ShrinkWrap.createFromZipFile(EnterpriseArchive.class,
                new File(System.getProperty("zipper.ear", "target/zipper.ear")));
        WebArchive web = ear.getAsType(WebArchive.class, WEB_MODULE);
        web.addClasses(testClasses);
        web.addAsLibraries(jarOf(org.assertj.core.api.Assertions.class), jarOf(org.awaitility.Awaitility.class),
                jarOf(org.hamcrest.Matcher.class));
        return "payara-micro".equals(System.getProperty("arquillian.launch")) ? asOneWar(ear, web) : ear;
    }

    private static WebArchive asOneWar(EnterpriseArchive ear, WebArchive web) {
        JavaArchive ejbModule = ear.getAsType(JavaArchive.class, EJB_MODULE);
        web.addAsLibrary(ejbModule);
        // in a WAR only WEB-INF/ejb-jar.xml counts (it declares the domain's exceptions as application exceptions)
        web.addAsWebInfResource(ejbModule.get("META-INF/ejb-jar.xml").getAsset(), "ejb-jar.xml");
        for (ArchivePath library : ear.getContent(Filters.include("/lib/.*\\.jar")).keySet()) {
            // by its file name: named by its path ("/lib/x.jar"), Payara Micro loads its classes but does
            // not scan it for CDI beans
            String name = library.get().substring(library.get().lastIndexOf('/') + 1);
            web.addAsLibrary(ShrinkWrap.create(JavaArchive.class, name).merge(ear.getAsType(JavaArchive.class, library)));
        }
        Path project = Path.of(System.getProperty("zipper.project", ".."));
        web.setWebXML(project.resolve("ear/src/main/payara/micro-web.xml").toFile());
        // a nested archive is named by its path ("/zipper-web.war"); the Micro adapter needs a plain name
        return ShrinkWrap.create(WebArchive.class, "zipper.war").merge(web);
    }

    private static File jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toFile();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
