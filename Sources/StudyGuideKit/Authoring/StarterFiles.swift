/// The texts `studyguide init` writes. They are examples a new site keeps or replaces, and
/// each passes `studyguide check` with no problems (a test builds and checks them).
enum StarterFiles {
    static let gitignore = """
        # The generated site: CI builds and deploys it (see .github/workflows/deploy.yml).
        /public/
        # The generator's source, checked out by the deploy workflow.
        /.studyguide/

        """

    static let deployWorkflow = #"""
        # Build the site with StudyGuide and publish it to GitHub Pages after every push to main.
        # Every link of the site is relative, so it works under the repository's sub-path as it is.
        name: Deploy to GitHub Pages
        on:
          push:
            branches: [main]
          workflow_dispatch:

        permissions:
          contents: read
          pages: write
          id-token: write

        concurrency:
          group: pages
          cancel-in-progress: false

        env:
          # Where the StudyGuide generator's source lives, and the version to build.
          STUDYGUIDE_REPOSITORY: studyguide/studyguide
          STUDYGUIDE_REF: main

        jobs:
          deploy:
            runs-on: ubuntu-24.04
            container: swift:6.1-noble
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - uses: actions/checkout@v4
              - uses: actions/checkout@v4
                with:
                  repository: ${{ env.STUDYGUIDE_REPOSITORY }}
                  ref: ${{ env.STUDYGUIDE_REF }}
                  path: .studyguide
              - name: Check and build
                run: |
                  apt-get update -qq && apt-get install -y -qq libcmark-gfm-dev libcmark-gfm-extensions-dev libmimalloc-dev libstemmer-dev pkg-config
                  swift build -c release --product studyguide --package-path .studyguide
                  .studyguide/.build/release/studyguide check --format github
                  .studyguide/.build/release/studyguide build --base-url "https://${GITHUB_REPOSITORY_OWNER}.github.io/${GITHUB_REPOSITORY#*/}/"
              - uses: actions/configure-pages@v5
              - uses: actions/upload-pages-artifact@v3
                with:
                  path: public
              - id: deployment
                uses: actions/deploy-pages@v4

        """#

    static let home = """
        ---
        title: "Interview Study Guide"
        description: "Questions an interviewer asks, with answers worth studying."
        ---

        Welcome. Each page answers one interview question: the short answer first, then the \
        reasoning, an example, the follow-up questions to expect and the mistakes to avoid.

        Start with [what an index is](databases/what-is-an-index.md), then read the \
        [guide to writing questions](guides/writing-questions.md) and add your own.

        """

    static let category = """
        ---
        title: Databases
        description: How databases store, find and protect data, and how to talk about it in an interview.
        weight: 1
        ---

        Questions about indexes, queries and the stories behind making them fast.

        """

    static let technicalQuestion = """
        ---
        title: "What is a database index, and when does it help?"
        difficulty: beginner
        kind: technical
        summary: "An index is a sorted structure, usually a B-tree, that maps column values to rows so a query can find them without reading the whole table; it speeds up reads and costs space and slower writes."
        tags: [indexes, sql]
        aliases:
          - "Why would you add an index to a table?"
        follow_ups:
          - "How does a composite index on (a, b) serve a query that filters on b alone?"
          - "Why might the planner ignore an index that exists?"
        red_flags:
          - "Saying that more indexes are always better."
          - "Not knowing that every index slows down inserts and updates."
        related: [slow-query-story]
        ---

        ## How it works

        Without an index, a query that filters on a column has to read every row of the table \
        and test each one: a sequential scan. An index keeps the values of one or more columns \
        in sorted order, most often in a B-tree, next to a pointer to the row that holds each \
        value. Finding a value then takes a handful of page reads down the tree instead of a \
        pass over millions of rows, and a range such as `created_at > now() - interval '1 day'` \
        becomes one descent followed by a short walk along the leaves.

        ## Example

        ```sql
        CREATE INDEX orders_customer_idx ON orders (customer_id);

        -- Served by the index: one lookup, then only the matching rows.
        SELECT id, total FROM orders WHERE customer_id = 42;
        ```

        ## Trade-offs

        | Gains | Costs |
        |---|---|
        | Fast equality and range lookups | Extra disk space for every index |
        | Sorted reads without a sort step | Each insert, update and delete also updates the index |
        | Uniqueness can be enforced | Rarely used indexes still cost on every write |

        An index helps most when a query returns a small share of the rows. When a filter \
        matches most of the table, reading the table straight through is cheaper, and the \
        planner rightly skips the index.

        ## What a strong answer mentions

        - The read/write trade-off, with an example of each side.
        - Selectivity: why a column with two values rarely deserves an index on its own.
        - Checking the plan with `EXPLAIN` rather than guessing.

        """

    static let behavioralQuestion = """
        ---
        title: "Tell me about a time you made a slow database query fast."
        difficulty: intermediate
        kind: behavioral
        summary: "Tell one real story in the STAR shape: how you noticed the slow query, how you measured it, the change you made and why, and the result in numbers."
        tags: [performance, star]
        follow_ups:
          - "How did you make sure the fix did not slow down writes?"
          - "What would you do differently today?"
        areas:
          - "How the problem was found: a metric, an alert or a user report."
          - "Measurement before and after, not a guess."
          - "The reasoning behind the fix and what it cost."
        red_flags:
          - "No numbers at all."
          - "Taking credit for a team's work without saying who did what."
        related: [what-is-an-index]
        ---

        ## How to structure your answer

        Use the STAR shape and keep each part short: the **situation** in two sentences, the \
        **task** you owned, the **actions** you took with the reasoning behind each, and the \
        **result** with a number. Interviewers remember a story with one clear turning point \
        far better than a list of everything that happened.

        ## What the interviewer is assessing

        They want to see that you measure before you change anything, that you understand why \
        the fix worked, and that you weigh its cost. A story where a guess happened to work is \
        weaker than one where a query plan showed the cause.

        ## Example answer outline

        - **Situation:** the order history page of a shop took eight seconds for large customers, \
        and support tickets were piling up.
        - **Task:** I was asked to bring it under one second without a schema redesign.
        - **Action:** I captured the slow statement from the database log, ran it with \
        `EXPLAIN ANALYZE` and saw a sequential scan over twelve million rows. I added a composite \
        index on the customer and the order date, in the order the query filtered and sorted, \
        and checked the write latency of the busiest insert path before and after.
        - **Result:** the page dropped to 120 milliseconds at the 95th percentile, inserts slowed \
        by under two percent, and the tickets stopped. I also added the query to our slow-query dashboard.

        ## Pitfalls

        Avoid a story with no measurement, a fix you cannot explain, or a result you cannot \
        quantify. If the outcome was mixed, say so and explain what you learned: honesty about \
        a trade-off is a strength in this answer, not a weakness.

        """

    static let guide = """
        ---
        title: "Writing questions"
        summary: "How a question file is laid out, and the commands that create, preview and check it."
        weight: 1
        ---

        Every question is one Markdown file under `content/<category>/`, with YAML front-matter \
        between two `---` lines and the answer below it.

        ## Add a question

        ```sh
        studyguide new databases "How does a transaction stay isolated?"
        ```

        This writes a file with valid front-matter and an outline of the answer. Fill in the \
        `summary` first: it is the short answer that cards, search results and flashcards show.

        ## Preview and check

        ```sh
        studyguide serve   # a preview at http://127.0.0.1:8080/ that reloads when you save
        studyguide check   # every problem as path:line:col, before you open a pull request
        studyguide build   # the whole site in public/, ready for any static host or for file://
        ```

        ## Good answers

        - Lead with the short answer, then explain how it works.
        - Show a concrete example: code, a query, an HTTP exchange or a table.
        - Name the trade-offs and the follow-up questions an interviewer would ask next.
        - Link related questions with `related:` so readers can go deeper.

        """
}
