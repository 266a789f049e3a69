package de.buergerservice.telephony.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import de.buergerservice.IntegrationTest;
import de.buergerservice.telephony.internal.media.Clip;
import de.buergerservice.telephony.internal.media.Wav;

/**
 * What a municipality's callers hear, over REST: settings and uploaded recordings, with a German problem+json for
 * each rejection. Uses the demo municipality Oldenburg's recordings only for the situations it restores.
 */
@IntegrationTest
class VoiceApiTests {

    static final String PROMPTS = "/api/v1/tenants/oldenburg/telephony/prompts/";

    @Autowired
    MockMvcTester mvc;

    static byte[] tone(int millis) throws IOException {
        short[] samples = new short[8 * millis];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 8000.0));
        }
        return Wav.write(new Clip(samples));
    }

    org.springframework.test.web.servlet.assertj.MvcTestResult upload(
            String situation, MockMultipartFile file, String user) {
        var builder = MockMvcRequestBuilders.multipart(HttpMethod.PUT, PROMPTS + situation);
        if (file != null) {
            builder.file(file);
        }
        return mvc.perform(builder.with(httpBasic(user, "demo")));
    }

    @Nested
    class Settings {

        @Test
        void givenAdmin_whenReadAndChanged_thenTheNewSettings() {
            assertThat(mvc.get()
                            .uri("/api/v1/tenants/oldenburg/telephony/voice")
                            .with(httpBasic("admin", "demo")))
                    .hasStatusOk()
                    .bodyJson()
                    .hasPathSatisfying(
                            "$.announceEverySeconds", v -> v.assertThat().isNotNull());
            assertThat(mvc.put()
                            .uri("/api/v1/tenants/artland/telephony/voice")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"announcements\": false, \"notice\": \" Hinweis zum Datenschutz \","
                                    + " \"announceEverySeconds\": 45}"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.notice")
                    .isEqualTo("Hinweis zum Datenschutz");
        }

        @Test
        void givenIntervalOutOfRange_thenRejectedAtTheField() {
            assertThat(mvc.put()
                            .uri("/api/v1/tenants/artland/telephony/voice")
                            .with(httpBasic("admin", "demo"))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"announcements\": true, \"announceEverySeconds\": 5}"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].field")
                    .isEqualTo("announceEverySeconds");
        }

        @Test
        void givenAgent_thenForbidden() {
            assertThat(mvc.get().uri("/api/v1/tenants/artland/telephony/voice").with(httpBasic("agent1", "demo")))
                    .hasStatus(403);
        }
    }

    @Nested
    class Upload {

        @Test
        void givenWav_whenUploaded_thenStoredAt8kHzAndPlayableAndDeletable() throws IOException {
            var file = new MockMultipartFile("file", "hinweis.wav", "audio/wav", tone(1500));
            assertThat(upload("NOTICE", file, "admin"))
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.seconds")
                    .isEqualTo(1.5);
            assertThat(mvc.get().uri(PROMPTS + "NOTICE/audio").with(httpBasic("admin", "demo")))
                    .hasStatusOk()
                    .hasContentType("audio/wav");
            assertThat(mvc.delete().uri(PROMPTS + "NOTICE").with(httpBasic("admin", "demo")))
                    .hasStatus(204);
            assertThat(mvc.get().uri(PROMPTS + "NOTICE").with(httpBasic("admin", "demo")))
                    .hasStatus(404)
                    .bodyJson()
                    .extractingPath("$.detail")
                    .asString()
                    .contains("keine Aufnahme");
        }

        @Test
        void givenNoFile_thenAskedForOne() {
            assertThat(upload("GREETING", null, "admin"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Bitte eine WAV-Datei auswählen.");
        }

        @Test
        void givenMp3_thenOnlyWav() {
            var file = new MockMultipartFile("file", "musik.mp3", "audio/mpeg", new byte[] {1, 2, 3});
            assertThat(upload("HOLD_MUSIC", file, "admin"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Nur WAV-Dateien (.wav) werden angenommen.");
        }

        @Test
        void givenWavNameButOtherContent_thenNotPlayable() {
            var file = new MockMultipartFile("file", "ansage.wav", "audio/wav", "kein Ton".getBytes());
            assertThat(upload("GREETING", file, "admin"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .startsWith("Die Datei lässt sich nicht abspielen");
        }

        @Test
        void givenTooLarge_thenRejectedWithTheLimit() {
            var file = new MockMultipartFile("file", "lang.wav", "audio/wav", new byte[6 * 1024 * 1024]);
            assertThat(upload("GREETING", file, "admin"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Die Datei ist zu groß (höchstens 5 MB).");
        }

        @Test
        void givenTooShort_thenRejected() throws IOException {
            var file = new MockMultipartFile("file", "kurz.wav", "audio/wav", tone(100));
            assertThat(upload("GREETING", file, "admin"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Die Aufnahme ist kürzer als eine halbe Sekunde.");
        }

        @Test
        void givenUnknownSituation_thenTheAllowedOnes() throws IOException {
            var file = new MockMultipartFile("file", "x.wav", "audio/wav", tone(1000));
            assertThat(upload("JINGLE", file, "admin"))
                    .hasStatus(400)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .isEqualTo("Erlaubt sind GREETING, NOTICE, HOLD_MUSIC und CLOSED.");
        }

        @Test
        void givenAgent_thenForbidden() throws IOException {
            var file = new MockMultipartFile("file", "x.wav", "audio/wav", tone(1000));
            assertThat(upload("GREETING", file, "agent1")).hasStatus(403);
        }
    }
}
