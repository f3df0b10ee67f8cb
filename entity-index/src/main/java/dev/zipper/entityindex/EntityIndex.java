package dev.zipper.entityindex;

import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Writes META-INF/orm.xml listing every class of the compilation annotated {@code @Entity},
 * {@code @MappedSuperclass} or {@code @Embeddable}. The mapping file adds the classes to the persistence unit; their
 * annotations still say how they map.
 */
@SupportedAnnotationTypes({"jakarta.persistence.Entity", "jakarta.persistence.MappedSuperclass",
        "jakarta.persistence.Embeddable"})
public class EntityIndex extends AbstractProcessor {

    private final Set<String> entities = new TreeSet<>();
    private final Set<String> mappedSuperclasses = new TreeSet<>();
    private final Set<String> embeddables = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            String name = annotation.getSimpleName().toString();
            Set<String> into = name.equals("Entity") ? entities : name.equals("Embeddable") ? embeddables : mappedSuperclasses;
            for (Element type : round.getElementsAnnotatedWith(annotation)) {
                into.add(processingEnv.getElementUtils().getBinaryName((TypeElement) type).toString());
            }
        }
        if (round.processingOver() && !(entities.isEmpty() && mappedSuperclasses.isEmpty() && embeddables.isEmpty())) {
            write();
        }
        return false;
    }

    private void write() {
        try (Writer orm = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", "META-INF/orm.xml").openWriter()) {
            orm.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!-- Written by dev.zipper.entityindex.EntityIndex when the module compiles: edit the classes, not this. -->
                    <entity-mappings xmlns="https://jakarta.ee/xml/ns/persistence/orm" version="3.0">
                    """);
            for (String type : mappedSuperclasses) {
                orm.write("    <mapped-superclass class=\"" + type + "\"/>\n");
            }
            for (String type : entities) {
                orm.write("    <entity class=\"" + type + "\"/>\n");
            }
            for (String type : embeddables) { // the schema wants them in this order
                orm.write("    <embeddable class=\"" + type + "\"/>\n");
            }
            orm.write("</entity-mappings>\n");
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "Cannot write META-INF/orm.xml: " + e);
        }
    }
}
