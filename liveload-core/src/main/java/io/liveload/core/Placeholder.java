package io.liveload.core; final class Placeholder { okhttp3.OkHttpClient c; org.jsoup.nodes.Document d; com.fasterxml.jackson.databind.ObjectMapper m; org.HdrHistogram.Recorder r; }
