package dev.zipper.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** All of Zipper's HTTP API lives under /zipper/api. */
@ApplicationPath("api")
public class ZipperApi extends Application {
}
