package dev.zipper.http;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * A response's output that passes writes on until the client has gone, then logs that once, in one line,
 * and drops the rest: the JAX-RS runtime would otherwise log a stack trace for the failed write.
 */
final class QuietOnHangUp extends ServletOutputStream {

    private static final Logger LOG = Logger.getLogger(QuietOnHangUp.class.getName());

    private final ServletOutputStream out;
    private final HttpServletRequest request;
    private boolean gone;

    QuietOnHangUp(ServletOutputStream out, HttpServletRequest request) {
        this.out = out;
        this.request = request;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        attempt(() -> out.write(b, off, len));
    }

    @Override
    public void flush() {
        attempt(out::flush);
    }

    @Override
    public void close() {
        attempt(out::close);
    }

    private void attempt(Write write) {
        if (gone) {
            return;
        }
        try {
            write.run();
        } catch (IOException e) {
            gone = true;
            LOG.info(() -> "Client gone before the answer to " + request.getMethod() + " " + request.getRequestURI()
                    + " was sent: " + e.getMessage());
        }
    }

    @Override
    public boolean isReady() {
        return out.isReady();
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        out.setWriteListener(listener);
    }

    private interface Write {
        void run() throws IOException;
    }
}
